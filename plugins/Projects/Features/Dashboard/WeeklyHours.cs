using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Projects.Features.Dashboard;

/// <summary>Hours of one week.</summary>
/// <param name="WeekStart">The first day of the week.</param>
/// <param name="BillableMinutes">Billable minutes.</param>
/// <param name="NonBillableMinutes">Other minutes.</param>
public sealed record WeekHours(DateOnly WeekStart, int BillableMinutes, int NonBillableMinutes);

/// <summary>Hours logged per week, billable and not: everyone's for those who manage all time, else the user's own.</summary>
public sealed class WeeklyHours(IDbContextFactory<ProjectsDbContext> contexts, ProjectAccess access, IOptions<ProjectsSettings> settings, TimeProvider clock)
{
    /// <summary>The last weeks up to the current one, oldest first (weeks without time included).</summary>
    /// <param name="weeks">How many weeks.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The weeks, and whether they are everyone's hours (false: the user's own).</returns>
    public async Task<(IReadOnlyList<WeekHours> Weeks, bool Everyone)> LastWeeksAsync(int weeks, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see projects.");
        }

        var everyone = await access.CanManageAllTimeAsync(cancellationToken);
        var current = WeekOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), settings.Value.WeekStartsOn);
        var first = current.AddDays(-7 * (weeks - 1));
        var last = current.AddDays(6);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.TimeEntries.AsNoTracking().Where(t => t.Date >= first && t.Date <= last);
        if (!everyone)
        {
            var userId = access.UserId ?? string.Empty;
            entries = entries.Where(t => t.UserId == userId);
        }

        // Summed per day in SQL (the same on both providers), bucketed into weeks here.
        var days = await entries.GroupBy(t => new { t.Date, t.IsBillable })
            .Select(g => new { g.Key.Date, g.Key.IsBillable, Minutes = g.Sum(t => t.Minutes) })
            .ToListAsync(cancellationToken);
        var result = Enumerable.Range(0, weeks).Select(i => first.AddDays(7 * i)).Select(start =>
        {
            var inWeek = days.Where(d => d.Date >= start && d.Date < start.AddDays(7)).ToList();
            return new WeekHours(start, inWeek.Where(d => d.IsBillable).Sum(d => d.Minutes), inWeek.Where(d => !d.IsBillable).Sum(d => d.Minutes));
        }).ToList();
        return (result, everyone);
    }

    /// <summary>The first day of the week a date is in.</summary>
    /// <param name="date">The date.</param>
    /// <param name="firstDay">The first day of a week.</param>
    public static DateOnly WeekOf(DateOnly date, DayOfWeek firstDay) => date.AddDays(-(((int)date.DayOfWeek - (int)firstDay + 7) % 7));
}
