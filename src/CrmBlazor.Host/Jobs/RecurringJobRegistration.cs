using CrmBlazor.Host.Plugins;
using Hangfire;
using Hangfire.Storage;

namespace CrmBlazor.Host.Jobs;

/// <summary>
/// Registers the recurring jobs of the core and the loaded plugins at start-up, under their job ids,
/// so that a restart updates them instead of adding copies, and removes the recurring jobs of
/// plugins that are gone, disabled or failed.
/// </summary>
internal static class RecurringJobRegistration
{
    public static void Synchronise(PluginCatalog catalog, IRecurringJobManager manager, JobStorage storage, ILogger logger)
    {
        var wanted = catalog.Jobs.Where(j => j.Cron is not null).ToList();
        foreach (var job in wanted)
        {
            var jobId = job.JobId;
            manager.AddOrUpdate<JobDispatcher>(jobId, d => d.RunRecurringAsync(jobId, CancellationToken.None), job.Cron!,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        using var connection = storage.GetConnection();
        foreach (var existing in connection.GetRecurringJobs())
        {
            if (wanted.All(j => j.JobId != existing.Id))
            {
                manager.RemoveIfExists(existing.Id);
                logger.LogInformation("Removed recurring job {JobId}: its plugin is no longer loaded", existing.Id);
            }
        }
    }
}
