using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Jobs;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Projects.Features.DemoData;

/// <summary>
/// With <c>Plugins:projects:DemoData=true</c> (the development profile) and no projects yet, queues the
/// demo seeding. It runs as a job a little later because plugin initializers run before the host
/// seeds its demo customers and staff.
/// </summary>
public sealed class ProjectsDemoDataInitializer(ProjectsDbContext db, IOptions<ProjectsSettings> settings, IJobScheduler jobs) : IPluginInitializer
{
    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.DemoData && !await db.Projects.AnyAsync(cancellationToken))
        {
            await jobs.EnqueueAsync<DemoDataJob>(delay: TimeSpan.FromSeconds(5), cancellationToken: cancellationToken);
        }
    }
}
