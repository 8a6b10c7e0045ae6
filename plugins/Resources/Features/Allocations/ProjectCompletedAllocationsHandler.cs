using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Allocations;

/// <summary>
/// A completed project frees the people planned on it: allocations end on the day it was completed,
/// and those that would only have started later are removed, so their weeks show the capacity as free.
/// Idempotent: a second delivery finds nothing after that day. Saved through the context, in one
/// transaction and in the audit log; an allocation a planner changed meanwhile fails the delivery,
/// which is retried.
/// </summary>
public sealed class ProjectCompletedAllocationsHandler(ResourcesDbContext db, TimeProvider clock) : IDomainEventHandler<ProjectCompleted>
{
    /// <inheritdoc />
    public async Task HandleAsync(ProjectCompleted domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var day = domainEvent.CompletedOn;
        var now = clock.GetUtcNow();
        var later = await db.Allocations.Where(a => a.ProjectId == domainEvent.ProjectId && a.EndDate > day).ToListAsync(cancellationToken);
        foreach (var allocation in later)
        {
            if (allocation.StartDate > day)
            {
                db.Allocations.Remove(allocation);
            }
            else
            {
                allocation.EndDate = day;
                allocation.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
