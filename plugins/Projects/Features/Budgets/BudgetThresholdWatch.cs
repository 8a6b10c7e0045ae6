using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Projects.Features.Budgets;

/// <summary>
/// Publishes <see cref="BudgetThresholdCrossed"/> once per crossing. The crossings are stored
/// (<see cref="BudgetCrossing"/>) with the event in one transaction, so a check that runs twice, or
/// two checks at once, publish once; a crossing is cleared when the use falls below the threshold
/// again (the budget was raised), so that crossing it anew publishes anew. Run by the nightly
/// <c>budget-check</c> job for every project, and right after time or a budget changes for the projects concerned.
/// </summary>
public sealed class BudgetThresholdWatch(
    IDbContextFactory<ProjectsDbContext> contexts,
    IOptions<ProjectsSettings> settings,
    TimeProvider clock,
    ILogger<BudgetThresholdWatch> logger)
{
    /// <summary>Checks projects and publishes what they newly crossed.</summary>
    /// <param name="projectIds">The projects to check, or null for every project that is not cancelled.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>How many events were published.</returns>
    public async Task<int> CheckAsync(IReadOnlyCollection<long>? projectIds, CancellationToken cancellationToken = default)
    {
        var thresholds = settings.Value.Thresholds;
        if (thresholds.Count == 0)
        {
            return 0;
        }

        List<(Project Project, List<BudgetReading> Readings, List<BudgetCrossing> OnRecord)> checks;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var scope = db.Projects.AsNoTracking().Where(p => p.Status != ProjectStatus.Cancelled);
            if (projectIds is not null)
            {
                scope = scope.Where(p => projectIds.Contains(p.Id));
            }

            var projects = await scope.ToListAsync(cancellationToken);
            var burns = await BudgetBurn.ComputeAsync(db, projects, scope, cancellationToken);
            var standing = (await db.BudgetCrossings.AsNoTracking()
                .Where(c => c.ClearedAt == null && scope.Select(p => p.Id).Contains(c.ProjectId))
                .ToListAsync(cancellationToken)).ToLookup(c => c.ProjectId);
            checks = [.. projects.Select(p => (p, Readings(p, burns[p.Id].Burn), standing[p.Id].ToList()))];
        }

        var published = 0;
        foreach (var (project, readings, onRecord) in checks)
        {
            published += await ApplyAsync(project, readings, onRecord, thresholds, cancellationToken);
        }

        return published;
    }

    private static List<BudgetReading> Readings(Project project, ProjectBurn burn) =>
    [
        new(BudgetMeasure.Hours, project.BudgetHours, burn.Hours),
        new(BudgetMeasure.Amount, project.BudgetAmount, burn.Amount),
    ];

    // One project per transaction: a conflict on one (another check recorded the same crossing first)
    // leaves the others alone.
    private async Task<int> ApplyAsync(Project project, List<BudgetReading> readings, List<BudgetCrossing> onRecord, IReadOnlyList<int> thresholds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var published = 0;
        var changed = false;
        foreach (var reading in readings)
        {
            foreach (var threshold in thresholds)
            {
                var recorded = onRecord.FirstOrDefault(c => c.Measure == reading.Measure && c.ThresholdPercent == threshold);
                switch (BudgetThresholds.Decide(reading, threshold, recorded is not null))
                {
                    case ThresholdAction.Publish:
                        db.BudgetCrossings.Add(new BudgetCrossing
                        {
                            ProjectId = project.Id,
                            Measure = reading.Measure,
                            ThresholdPercent = threshold,
                            Budget = reading.Budget!.Value,
                            Used = reading.Used,
                            CrossedAt = now,
                        });
                        db.Publish(new BudgetThresholdCrossed(
                            project.Id, project.CustomerId, project.Name, reading.Measure, threshold, reading.Budget.Value, reading.Used, project.Currency));
                        published++;
                        changed = true;
                        break;
                    case ThresholdAction.Clear:
                        db.BudgetCrossings.Attach(recorded!);
                        recorded!.ClearedAt = now;
                        changed = true;
                        break;
                }
            }
        }

        if (!changed)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return published;
        }
        catch (DbUpdateException e)
        {
            // Another check recorded the same crossing (the unique index of standing crossings) or
            // cleared it first; it published what was due, and the next check sees its record.
            logger.LogInformation(e, "Budget check of project {ProjectId} gave way to a concurrent check.", project.Id);
            return 0;
        }
    }
}
