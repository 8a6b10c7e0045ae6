using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Facts;

/// <summary>
/// The plugin's implementation of <see cref="IProjectFacts"/> for other plugins (resource allocation,
/// upsell detection). Like every SDK contract between plugins, it serves the calling plugin's
/// services and jobs, which check their own permissions.
/// </summary>
public sealed class ProjectFactsSource(IDbContextFactory<ProjectsDbContext> contexts, IUserDirectory users) : IProjectFacts
{
    /// <inheritdoc />
    public async Task<ProjectFacts?> GetAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facts = await FactsAsync(db, db.Projects.AsNoTracking().Where(p => p.Id == projectId), cancellationToken);
        return facts.SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectFacts>> ListAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FactsAsync(db, Matching(db, query), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectOutline>> ListOutlinesAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Matching(db, query)
            .OrderBy(p => p.CustomerId).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProjectOutline(
                p.Id, p.CustomerId, p.Name, p.Status, p.BillingMode, p.Currency, p.StartDate, p.EndDate, p.OwnerUserId, p.HourlyRate,
                new ProjectBudget(p.BudgetHours, p.BudgetAmount), p.ServiceId, p.MonthlyAllowanceHours))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        if (projectIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var ids = projectIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LoggedTime>> GetLoggedTimeAsync(LoggedTimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = from t in db.TimeEntries.AsNoTracking()
                      join p in db.Projects on t.ProjectId equals p.Id
                      where t.Date >= query.From && t.Date <= query.To
                      select new { t.ProjectId, p.CustomerId, t.UserId, t.Date, t.Minutes, t.IsBillable };
        if (query.ProjectId is { } projectId)
        {
            entries = entries.Where(e => e.ProjectId == projectId);
        }

        if (query.CustomerId is { } customerId)
        {
            entries = entries.Where(e => e.CustomerId == customerId);
        }

        if (query.UserId is { } userId)
        {
            entries = entries.Where(e => e.UserId == userId);
        }

        var rows = await entries
            .GroupBy(e => new { e.ProjectId, e.CustomerId, e.UserId, e.Date })
            .Select(g => new { g.Key.ProjectId, g.Key.CustomerId, g.Key.UserId, g.Key.Date, Minutes = g.Sum(e => e.Minutes), Billable = g.Sum(e => e.IsBillable ? e.Minutes : 0) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Date).ThenBy(r => r.ProjectId).ThenBy(r => r.UserId, StringComparer.Ordinal)
            .Select(r => new LoggedTime(r.ProjectId, r.CustomerId, r.UserId, r.Date, r.Minutes, r.Billable))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MonthlyHours>> GetMonthlyHoursAsync(MonthlyHoursQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var first = new DateOnly(query.FromMonth.Year, query.FromMonth.Month, 1);
        var until = new DateOnly(query.ToMonth.Year, query.ToMonth.Month, 1).AddMonths(1);
        if (until <= first)
        {
            return [];
        }

        // One GROUP BY over the range's entries (the date index narrows them): the database adds up the
        // minutes, and only one row per project and month comes back, however many entries there are.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = from t in db.TimeEntries.AsNoTracking()
                      join p in db.Projects on t.ProjectId equals p.Id
                      where t.Date >= first && t.Date < until
                      select new { t.ProjectId, p.CustomerId, t.Date.Year, t.Date.Month, t.Minutes, t.IsBillable };
        if (query.CustomerId is { } customerId)
        {
            entries = entries.Where(e => e.CustomerId == customerId);
        }

        var rows = await entries
            .GroupBy(e => new { e.ProjectId, e.CustomerId, e.Year, e.Month })
            .Select(g => new { g.Key.ProjectId, g.Key.CustomerId, g.Key.Year, g.Key.Month, Minutes = g.Sum(e => e.Minutes), Billable = g.Sum(e => e.IsBillable ? e.Minutes : 0) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MonthlyHours(r.ProjectId, r.CustomerId, new DateOnly(r.Year, r.Month, 1), r.Minutes, r.Billable))
            .OrderBy(r => r.Month).ThenBy(r => r.CustomerId).ThenBy(r => r.ProjectId)];
    }

    private static IQueryable<Project> Matching(ProjectsDbContext db, ProjectFactsQuery query)
    {
        var projects = db.Projects.AsNoTracking();
        if (query.CustomerId is { } customerId)
        {
            projects = projects.Where(p => p.CustomerId == customerId);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            var list = statuses.ToList();
            projects = projects.Where(p => list.Contains(p.Status));
        }

        return projects;
    }

    private async Task<IReadOnlyList<ProjectFacts>> FactsAsync(ProjectsDbContext db, IQueryable<Project> scope, CancellationToken cancellationToken)
    {
        var projects = await scope.Include(p => p.PersonRates).OrderBy(p => p.CustomerId).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var burns = await BudgetBurn.ComputeAsync(db, projects, scope, cancellationToken);
        var userIds = projects.SelectMany(p => burns[p.Id].People.Select(x => x.UserId).Concat(p.PersonRates.Select(r => r.UserId)))
            .Concat(projects.Where(p => p.OwnerUserId != null).Select(p => p.OwnerUserId!))
            .Distinct().ToList();
        var names = await users.GetManyAsync(userIds, cancellationToken);
        return [.. projects.Select(p =>
        {
            var burn = burns[p.Id];
            var time = burn.People.ToDictionary(x => x.UserId);
            var rates = p.PersonRates.ToDictionary(r => r.UserId, r => r.HourlyRate);
            var people = time.Keys.Concat(rates.Keys).Concat(p.OwnerUserId is { } o ? [o] : []).Distinct()
                .Select(id => new ProjectPerson(
                    id,
                    names.TryGetValue(id, out var user) ? user.Name : id,
                    id == p.OwnerUserId,
                    rates.TryGetValue(id, out var rate) ? rate : null,
                    time.TryGetValue(id, out var t) ? Math.Round(t.Minutes / 60m, 2) : 0m,
                    time.TryGetValue(id, out var last) ? last.LastDate : null))
                .OrderByDescending(x => x.IsOwner).ThenByDescending(x => x.Hours).ThenBy(x => x.Name, StringComparer.CurrentCulture)
                .ToList();
            return new ProjectFacts(
                p.Id, p.CustomerId, p.Name, p.Status, p.BillingMode, p.Currency, p.StartDate, p.EndDate, p.OwnerUserId, p.HourlyRate,
                new ProjectBudget(p.BudgetHours, p.BudgetAmount), burn.Burn, people)
            {
                ServiceId = p.ServiceId,
                MonthlyAllowanceHours = p.MonthlyAllowanceHours,
            };
        })];
    }
}
