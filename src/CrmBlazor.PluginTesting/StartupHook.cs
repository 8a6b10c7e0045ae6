using System.Diagnostics;
using System.Text.Json;
using CrmBlazor.PluginTesting.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Loaded into the published host by <see cref="CrmBlazor.PluginTesting.PluginHost"/> through the runtime's
/// startup hooks (<c>DOTNET_STARTUP_HOOKS</c>): when the host builds, it adds a service that creates the test
/// users named in <c>CRM_TESTING_USERS</c> through the host's own user manager before the host serves.
/// The host itself has no way to create users in a role from outside, and should not have one.
/// </summary>
internal static class StartupHook
{
    /// <summary>Called by the runtime before the host's Main.</summary>
    public static void Initialize()
    {
        var json = Environment.GetEnvironmentVariable(TestAccountSeeder.Variable);
        if (string.IsNullOrEmpty(json))
        {
            return;
        }

        var accounts = JsonSerializer.Deserialize<CrmBlazor.PluginTesting.TestAccount[]>(json) ?? [];
        DiagnosticListener.AllListeners.Subscribe(new HostBuildingObserver(accounts));
    }

    private sealed class HostBuildingObserver(IReadOnlyList<CrmBlazor.PluginTesting.TestAccount> accounts)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            // The hosting library announces the builder it is about to build under this name (the same
            // event WebApplicationFactory uses to reach an application with top-level statements).
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilding" && value.Value is IHostBuilder builder)
            {
                builder.ConfigureServices(services => services.AddHostedService(provider => new TestAccountSeeder(provider, accounts)));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
