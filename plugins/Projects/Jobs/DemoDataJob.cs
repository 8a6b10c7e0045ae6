using CrmBlazor.Plugins.Projects.Features.DemoData;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Projects.Jobs;

/// <summary>Seeds the demo projects (queued at start-up by <see cref="ProjectsDemoDataInitializer"/>; idempotent).</summary>
public sealed class DemoDataJob(ProjectsDemoSeeder seeder) : IPluginJob
{
    /// <summary>The job key (id <c>projects:demo-data</c>).</summary>
    public const string Key = "demo-data";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var created = await seeder.SeedAsync(cancellationToken);
        await context.ReportProgressAsync(100, $"{created} demo project(s) created.", cancellationToken);
    }
}
