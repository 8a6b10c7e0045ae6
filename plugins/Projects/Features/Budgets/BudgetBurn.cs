using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Billing;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Budgets;

/// <summary>A person's time on a project.</summary>
/// <param name="UserId">The person.</param>
/// <param name="Minutes">All minutes.</param>
/// <param name="LastDate">The last day with time.</param>
public sealed record PersonTime(string UserId, int Minutes, DateOnly LastDate);

/// <summary>A project's burn and the people whose time makes it up.</summary>
/// <param name="Burn">Hours and money used against the budget.</param>
/// <param name="People">Time per person.</param>
public sealed record BurnSheet(ProjectBurn Burn, IReadOnlyList<PersonTime> People);

/// <summary>
/// Computes budget burn for any number of projects with two grouped queries (time per project,
/// person, billable and billed; the people's rates), valuing time in memory because SQLite cannot sum
/// decimals. Money used is the value of billable time at the rate that applies, and for fixed-fee
/// projects the value of all time (see <see cref="BudgetMeasure.Amount"/>).
/// </summary>
public static class BudgetBurn
{
    /// <summary>The burn of each of the projects (every project gets one, zero when no time was logged).</summary>
    /// <param name="db">The context.</param>
    /// <param name="projects">The projects, as loaded (budgets, rates, billing mode and currency are read from them).</param>
    /// <param name="scope">The same projects as a query, used to narrow the time entries in SQL.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<IReadOnlyDictionary<long, BurnSheet>> ComputeAsync(
        ProjectsDbContext db, IReadOnlyCollection<Project> projects, IQueryable<Project> scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(projects);
        var ids = scope.Select(p => p.Id);
        var groups = await db.TimeEntries.AsNoTracking()
            .Where(t => ids.Contains(t.ProjectId))
            .GroupBy(t => new { t.ProjectId, t.UserId, t.IsBillable, Billed = t.BilledInvoiceId != null })
            .Select(g => new { g.Key.ProjectId, g.Key.UserId, g.Key.IsBillable, g.Key.Billed, Minutes = g.Sum(t => t.Minutes), LastDate = g.Max(t => t.Date) })
            .ToListAsync(cancellationToken);
        var rates = await db.PersonRates.AsNoTracking()
            .Where(r => ids.Contains(r.ProjectId))
            .Select(r => new { r.ProjectId, r.UserId, r.HourlyRate })
            .ToListAsync(cancellationToken);
        var rateOf = rates.ToDictionary(r => (r.ProjectId, r.UserId), r => r.HourlyRate);
        var groupsOf = groups.ToLookup(g => g.ProjectId);

        var sheets = new Dictionary<long, BurnSheet>(projects.Count);
        foreach (var project in projects)
        {
            var minutes = 0;
            var billableMinutes = 0;
            var amount = 0m;
            var unbilled = 0m;
            foreach (var group in groupsOf[project.Id])
            {
                var rate = RateCard.For(project.HourlyRate, rateOf.TryGetValue((project.Id, group.UserId), out var own) ? own : null).HourlyRate;
                var value = RateCard.Amount(group.Minutes, rate, project.Currency) ?? 0m;
                minutes += group.Minutes;
                if (group.IsBillable)
                {
                    billableMinutes += group.Minutes;
                    if (!group.Billed)
                    {
                        unbilled += value;
                    }
                }

                if (group.IsBillable || project.BillingMode == BillingMode.FixedFee)
                {
                    amount += value;
                }
            }

            var hours = minutes / 60m;
            var burn = new ProjectBurn(
                Math.Round(hours, 2),
                Math.Round(billableMinutes / 60m, 2),
                amount,
                unbilled,
                Percent(hours, project.BudgetHours),
                Percent(amount, project.BudgetAmount));
            var people = groupsOf[project.Id]
                .GroupBy(g => g.UserId)
                .Select(g => new PersonTime(g.Key, g.Sum(x => x.Minutes), g.Max(x => x.LastDate)))
                .OrderByDescending(p => p.Minutes)
                .ToList();
            sheets[project.Id] = new BurnSheet(burn, people);
        }

        return sheets;
    }

    /// <summary>Used as a percentage of a budget, with one decimal; null without a positive budget.</summary>
    /// <param name="used">What was used.</param>
    /// <param name="budget">The budget.</param>
    public static decimal? Percent(decimal used, decimal? budget) =>
        budget is > 0 ? Math.Round(used * 100m / budget.Value, 1, MidpointRounding.AwayFromZero) : null;
}
