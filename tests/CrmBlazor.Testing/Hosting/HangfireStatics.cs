using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// Hangfire keeps its log provider, job activator and current storage in process-wide statics, which
/// every host sets while it starts (a production process has one host). When a test stops a host
/// while another keeps running, the statics would still point at the stopped host: Hangfire.PostgreSql
/// then creates a logger from a disposed logger factory for every job it fetches, its workers fail,
/// and jobs of the running host wait. So before a host stops, the statics are pointed back at the
/// host started most recently among those still running.
/// </summary>
internal static class HangfireStatics
{
    private static readonly Lock Gate = new();
    private static readonly List<CrmHostFactory> Running = [];

    public static void Started(CrmHostFactory host)
    {
        lock (Gate)
        {
            Running.Add(host);
        }
    }

    public static void Stopping(CrmHostFactory host)
    {
        lock (Gate)
        {
            if (!Running.Remove(host) || Running.Count == 0)
            {
                return;
            }

            var services = Running[^1].Services;
            GlobalConfiguration.Configuration
                .UseLogProvider(new AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>()))
                .UseActivator(services.GetRequiredService<JobActivator>());
            JobStorage.Current = services.GetRequiredService<JobStorage>();
        }
    }
}
