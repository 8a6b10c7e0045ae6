using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>How the project list is sorted.</summary>
public enum ProjectSort
{
    /// <summary>By name.</summary>
    Name,

    /// <summary>By status, then name.</summary>
    Status,

    /// <summary>By start date.</summary>
    StartDate,

    /// <summary>By end date.</summary>
    EndDate,
}

/// <summary>A filtered, sorted page of the project list.</summary>
/// <param name="Search">Part of the project's or the customer's name, in any script.</param>
/// <param name="CustomerId">Only this customer's projects.</param>
/// <param name="Status">Only projects in this status.</param>
/// <param name="OpenOnly">Only planned, active and on-hold projects.</param>
/// <param name="OwnerUserId">Only projects led by this person.</param>
/// <param name="Sort">The order.</param>
/// <param name="Descending">Whether to sort descending.</param>
/// <param name="Page">Zero-based page.</param>
/// <param name="PageSize">Rows per page (at most 200).</param>
public sealed record ProjectListQuery(
    string? Search = null,
    long? CustomerId = null,
    ProjectStatus? Status = null,
    bool OpenOnly = false,
    string? OwnerUserId = null,
    ProjectSort Sort = ProjectSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

/// <summary>A row of the project list.</summary>
public sealed record ProjectRow(
    long Id,
    string Name,
    long CustomerId,
    string CustomerName,
    ProjectStatus Status,
    BillingMode BillingMode,
    string? OwnerName,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? BudgetHours,
    decimal? BudgetAmount,
    string Currency,
    ProjectBurn Burn);

/// <summary>Everything the project page shows; <see cref="Service"/> is null without a service or when the catalogue no longer has it.</summary>
public sealed record ProjectDetail(
    Project Project,
    CustomerSummary? Customer,
    BurnSheet Burn,
    IReadOnlyDictionary<string, UserSummary> People,
    IReadOnlyList<BudgetCrossing> StandingCrossings,
    CatalogueService? Service);

/// <summary>A time entry as the project page lists it.</summary>
public sealed record ProjectTimeRow(long Id, DateOnly Date, string PersonName, string? TaskName, int Minutes, bool IsBillable, string? Note, string? BilledDocumentNumber, bool IsLocked);

/// <summary>A project as the customer page's tab shows it.</summary>
public sealed record CustomerProjectRow(long Id, string Name, ProjectStatus Status, BillingMode BillingMode, string Currency, int MinutesThisMonth, decimal? BudgetHours, decimal? BudgetAmount, ProjectBurn Burn);

/// <summary>The read side of projects: lists and pages, for users holding <see cref="ProjectsPermissions.View"/>.</summary>
public sealed class ProjectQueries(
    IDbContextFactory<ProjectsDbContext> contexts,
    ProjectAccess access,
    ICustomerDirectory customers,
    IUserDirectory users,
    IServiceCatalogue services)
{
    /// <summary>Largest page served.</summary>
    public const int MaximumPageSize = 200;

    /// <summary>One page of the list and the number of matching projects.</summary>
    /// <param name="query">Filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(IReadOnlyList<ProjectRow> Items, int Total)> PageAsync(ProjectListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await RequireViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = db.Projects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            var customerIds = (await customers.SearchAsync(query.Search, 100, cancellationToken)).Select(c => c.Id).ToList();
#pragma warning disable CA1862 // Translated to SQL lower(), which the StringComparison overloads are not.
            projects = projects.Where(p => p.Name.ToLower().Contains(term) || customerIds.Contains(p.CustomerId));
#pragma warning restore CA1862
        }

        if (query.CustomerId is { } customerId)
        {
            projects = projects.Where(p => p.CustomerId == customerId);
        }

        if (query.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }
        else if (query.OpenOnly)
        {
            projects = projects.Where(p => p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.Active || p.Status == ProjectStatus.OnHold);
        }

        if (query.OwnerUserId is { } owner)
        {
            projects = projects.Where(p => p.OwnerUserId == owner);
        }

        var total = await projects.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, MaximumPageSize);
        var page = await Sorted(projects, query).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = page.Select(p => p.Id).ToList();
        var burns = await BudgetBurn.ComputeAsync(db, page, db.Projects.Where(p => ids.Contains(p.Id)), cancellationToken);
        var customerNames = await customers.GetManyAsync([.. page.Select(p => p.CustomerId).Distinct()], cancellationToken);
        var owners = await users.GetManyAsync([.. page.Where(p => p.OwnerUserId != null).Select(p => p.OwnerUserId!).Distinct()], cancellationToken);
        var rows = page.Select(p => new ProjectRow(
            p.Id,
            p.Name,
            p.CustomerId,
            customerNames.TryGetValue(p.CustomerId, out var c) ? c.Name : "#" + p.CustomerId,
            p.Status,
            p.BillingMode,
            p.OwnerUserId is { } o && owners.TryGetValue(o, out var u) ? u.Name : null,
            p.StartDate,
            p.EndDate,
            p.BudgetHours,
            p.BudgetAmount,
            p.Currency,
            burns[p.Id].Burn)).ToList();
        return (rows, total);
    }

    /// <summary>A project with its tasks, milestones, rates, burn and people, or null if there is none.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<ProjectDetail?> GetAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await RequireViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.Tasks.OrderBy(t => t.IsClosed).ThenBy(t => t.Name))
            .Include(p => p.Milestones.OrderBy(m => m.DueOn))
            .Include(p => p.PersonRates)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var burns = await BudgetBurn.ComputeAsync(db, [project], db.Projects.Where(p => p.Id == projectId), cancellationToken);
        var crossings = await db.BudgetCrossings.AsNoTracking().Where(c => c.ProjectId == projectId && c.ClearedAt == null)
            .OrderBy(c => c.Measure).ThenBy(c => c.ThresholdPercent).ToListAsync(cancellationToken);
        var burn = burns[projectId];
        var userIds = burn.People.Select(p => p.UserId).Concat(project.PersonRates.Select(r => r.UserId));
        if (project.OwnerUserId is { } owner)
        {
            userIds = userIds.Append(owner);
        }

        var people = await users.GetManyAsync([.. userIds.Distinct()], cancellationToken);
        var customer = await customers.GetAsync(project.CustomerId, cancellationToken);
        var service = project.ServiceId is { } serviceId ? await services.GetAsync(serviceId, cancellationToken) : null;
        return new ProjectDetail(project, customer, burn, people, crossings, service);
    }

    /// <summary>A page of a project's time entries, newest first.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="page">Zero-based page.</param>
    /// <param name="pageSize">Rows per page (at most 200).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(IReadOnlyList<ProjectTimeRow> Items, int Total)> TimePageAsync(long projectId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await RequireViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.TimeEntries.AsNoTracking().Where(t => t.ProjectId == projectId);
        var total = await entries.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaximumPageSize);
        var rows = await (from t in entries
                          join task in db.Tasks on t.TaskId equals task.Id into tasks
                          from task in tasks.DefaultIfEmpty()
                          orderby t.Date descending, t.Id descending
                          select new { t.Id, t.Date, t.UserId, TaskName = task == null ? null : task.Name, t.Minutes, t.IsBillable, t.Note, t.BilledDocumentNumber, t.BilledInvoiceId })
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var people = await users.GetManyAsync([.. rows.Select(r => r.UserId).Distinct()], cancellationToken);
        return ([.. rows.Select(r => new ProjectTimeRow(
            r.Id, r.Date, people.TryGetValue(r.UserId, out var u) ? u.Name : r.UserId, r.TaskName, r.Minutes, r.IsBillable, r.Note,
            r.BilledInvoiceId is null ? null : r.BilledDocumentNumber ?? string.Empty, r.BilledInvoiceId != null))], total);
    }

    /// <summary>A customer's projects with their hours this month and burn, open ones first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="monthStart">The first day of the current month.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<CustomerProjectRow>> ForCustomerAsync(long customerId, DateOnly monthStart, CancellationToken cancellationToken = default)
    {
        await RequireViewAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = db.Projects.AsNoTracking().Where(p => p.CustomerId == customerId);
        var projects = await scope.ToListAsync(cancellationToken);
        var burns = await BudgetBurn.ComputeAsync(db, projects, scope, cancellationToken);
        var nextMonth = monthStart.AddMonths(1);
        var month = await db.TimeEntries.AsNoTracking()
            .Where(t => t.Date >= monthStart && t.Date < nextMonth && scope.Select(p => p.Id).Contains(t.ProjectId))
            .GroupBy(t => t.ProjectId).Select(g => new { ProjectId = g.Key, Minutes = g.Sum(t => t.Minutes) })
            .ToDictionaryAsync(g => g.ProjectId, g => g.Minutes, cancellationToken);
        return [.. projects
            .OrderBy(p => Project.IsOpen(p.Status) ? 0 : 1).ThenByDescending(p => p.StartDate).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new CustomerProjectRow(p.Id, p.Name, p.Status, p.BillingMode, p.Currency, month.GetValueOrDefault(p.Id), p.BudgetHours, p.BudgetAmount, burns[p.Id].Burn))];
    }

    private static IQueryable<Project> Sorted(IQueryable<Project> projects, ProjectListQuery query) => (query.Sort, query.Descending) switch
    {
        (ProjectSort.Status, false) => projects.OrderBy(p => p.Status).ThenBy(p => p.Name).ThenBy(p => p.Id),
        (ProjectSort.Status, true) => projects.OrderByDescending(p => p.Status).ThenBy(p => p.Name).ThenBy(p => p.Id),
        (ProjectSort.StartDate, false) => projects.OrderBy(p => p.StartDate).ThenBy(p => p.Id),
        (ProjectSort.StartDate, true) => projects.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id),
        (ProjectSort.EndDate, false) => projects.OrderBy(p => p.EndDate).ThenBy(p => p.Id),
        (ProjectSort.EndDate, true) => projects.OrderByDescending(p => p.EndDate).ThenByDescending(p => p.Id),
        (_, true) => projects.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
        _ => projects.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    private async Task RequireViewAsync(CancellationToken cancellationToken)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see projects.");
        }
    }
}
