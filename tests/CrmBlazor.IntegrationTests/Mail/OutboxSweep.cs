using System.Text.Json;
using CrmBlazor.Host.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>Runs the recurring outbox sweep now, as its schedule would.</summary>
internal static class OutboxSweep
{
    public static Task RunAsync(CrmHostFactory host) => host.InScopeAsync(services =>
        ActivatorUtilities.CreateInstance<OutboxSweepJob>(services).RunAsync(new Run(), CancellationToken.None));

    private sealed class Run : JobRunContext
    {
        public override Guid RunId { get; } = Guid.NewGuid();

        public override JsonElement? Arguments => null;

        public override int Attempt => 1;

        public override Task ReportProgressAsync(int percent, string? message = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
