namespace CrmBlazor.Sdk.Projects;

/// <summary>
/// Facts about projects for other plugins (resource allocation, upsell detection, surveys): status,
/// budget, burn and the people on them, and time logged per person and day. Offered by the projects
/// plugin; absent when it is not loaded.
/// </summary>
public interface IProjectFacts
{
    /// <summary>One project's facts, or null if there is no such project.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<ProjectFacts?> GetAsync(long projectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The facts of every project matching the query, by customer and name. Burn is computed for all of
    /// them in a few set-based queries, so this is fit for a nightly scoring job over every customer.
    /// </summary>
    /// <param name="query">Which projects.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<ProjectFacts>> ListAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The outline of every project matching the query (what it is, for whom, its dates, budget, service and
    /// monthly allowance), by customer and name, in one query without computing burn or reading the people
    /// on it: for a rule over the whole database that needs no burn. The default reads <see cref="ListAsync"/>;
    /// the projects plugin overrides it with the lighter query.
    /// </summary>
    /// <param name="query">Which projects.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    async Task<IReadOnlyList<ProjectOutline>> ListOutlinesAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(query, cancellationToken).ConfigureAwait(false)).Select(ProjectOutline.Of)];

    /// <summary>
    /// The names of these projects, by id, in one query and without computing burn: for a page that
    /// shows projects by name (the planning board). Ids of projects that do not exist are left out.
    /// </summary>
    /// <param name="projectIds">The projects.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default);

    /// <summary>Time logged per project, person and day in a period (planned against actual, usage trends).</summary>
    /// <param name="query">The period and optional narrowing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<LoggedTime>> GetLoggedTimeAsync(LoggedTimeQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Time logged per project and calendar month over a range of months, for every project (or one
    /// customer's), in one grouped query: for rules over the whole database, such as hours beyond a
    /// retainer's monthly allowance or hours up quarter over quarter. A project without time in a
    /// month has no row for it. Ordered by month, customer and project.
    /// </summary>
    /// <param name="query">The months and optional narrowing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<MonthlyHours>> GetMonthlyHoursAsync(MonthlyHoursQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Which projects to list.</summary>
/// <param name="CustomerId">Only this customer's projects, or null for all.</param>
/// <param name="Statuses">Only projects in these states, or null for all.</param>
public sealed record ProjectFactsQuery(long? CustomerId = null, IReadOnlyCollection<ProjectStatus>? Statuses = null);

/// <summary>What other plugins need to know about a project.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Name">The name.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="BillingMode">How it is billed.</param>
/// <param name="Currency">ISO 4217 code of its money figures (the customer's currency).</param>
/// <param name="StartDate">Planned or actual start, or null.</param>
/// <param name="EndDate">Planned or actual end, or null.</param>
/// <param name="OwnerUserId">The project lead, or null.</param>
/// <param name="HourlyRate">The project's hourly rate, or null.</param>
/// <param name="Budget">The budget.</param>
/// <param name="Burn">What has been used of it.</param>
/// <param name="People">The lead, the people with a rate of their own and everyone who logged time on it.</param>
/// <remarks>
/// <see cref="ServiceId"/> and <see cref="MonthlyAllowanceHours"/> are init-only properties rather than
/// parameters, so that code constructing facts (a test's fake source) keeps compiling.
/// </remarks>
public sealed record ProjectFacts(
    long ProjectId,
    long CustomerId,
    string Name,
    ProjectStatus Status,
    BillingMode BillingMode,
    string Currency,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? OwnerUserId,
    decimal? HourlyRate,
    ProjectBudget Budget,
    ProjectBurn Burn,
    IReadOnlyList<ProjectPerson> People)
{
    /// <summary>The service of the firm's catalogue (<c>IServiceCatalogue</c>) the project delivers, or null.</summary>
    public long? ServiceId { get; init; }

    /// <summary>Hours included per calendar month (a retainer), or null when the project has no monthly allowance.</summary>
    public decimal? MonthlyAllowanceHours { get; init; }
}

/// <summary>What a project is, without its burn or people (<see cref="IProjectFacts.ListOutlinesAsync"/>).</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Name">The name.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="BillingMode">How it is billed.</param>
/// <param name="Currency">ISO 4217 code of its money figures (the customer's currency).</param>
/// <param name="StartDate">Planned or actual start, or null.</param>
/// <param name="EndDate">Planned or actual end, or null.</param>
/// <param name="OwnerUserId">The project lead, or null.</param>
/// <param name="HourlyRate">The project's hourly rate, or null.</param>
/// <param name="Budget">Its budget.</param>
/// <param name="ServiceId">The service of the firm's catalogue the project delivers, or null.</param>
/// <param name="MonthlyAllowanceHours">Hours included per calendar month (a retainer), or null.</param>
public sealed record ProjectOutline(
    long ProjectId,
    long CustomerId,
    string Name,
    ProjectStatus Status,
    BillingMode BillingMode,
    string Currency,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? OwnerUserId,
    decimal? HourlyRate,
    ProjectBudget Budget,
    long? ServiceId,
    decimal? MonthlyAllowanceHours)
{
    /// <summary>The outline of a project's facts.</summary>
    /// <param name="facts">The facts.</param>
    public static ProjectOutline Of(ProjectFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(facts.ProjectId, facts.CustomerId, facts.Name, facts.Status, facts.BillingMode, facts.Currency, facts.StartDate, facts.EndDate,
            facts.OwnerUserId, facts.HourlyRate, facts.Budget, facts.ServiceId, facts.MonthlyAllowanceHours);
    }
}

/// <summary>A project's budget; either part may be missing.</summary>
/// <param name="Hours">Budget hours (for <see cref="BillingMode.PrepaidHours"/>, the hours bought), or null.</param>
/// <param name="Amount">Budget amount in the project's currency (for <see cref="BillingMode.FixedFee"/>, the fee), or null.</param>
public sealed record ProjectBudget(decimal? Hours, decimal? Amount);

/// <summary>What a project has used of its budget.</summary>
/// <param name="Hours">All hours logged.</param>
/// <param name="BillableHours">The billable part of <paramref name="Hours"/>.</param>
/// <param name="Amount">Money used (see <see cref="BudgetMeasure.Amount"/>), in the project's currency.</param>
/// <param name="UnbilledAmount">Value of billable time not yet billed, in the project's currency.</param>
/// <param name="HoursPercent">Hours as a percentage of the budget hours, or null without budget hours.</param>
/// <param name="AmountPercent">Amount as a percentage of the budget amount, or null without a budget amount.</param>
public sealed record ProjectBurn(
    decimal Hours,
    decimal BillableHours,
    decimal Amount,
    decimal UnbilledAmount,
    decimal? HoursPercent,
    decimal? AmountPercent);

/// <summary>A person on a project.</summary>
/// <param name="UserId">The user id.</param>
/// <param name="Name">The display name.</param>
/// <param name="IsOwner">Whether the person leads the project.</param>
/// <param name="HourlyRate">The person's own rate on the project, or null when the project's rate applies.</param>
/// <param name="Hours">Hours the person logged on it.</param>
/// <param name="LastLoggedOn">The last day the person logged time on it, or null.</param>
public sealed record ProjectPerson(string UserId, string Name, bool IsOwner, decimal? HourlyRate, decimal Hours, DateOnly? LastLoggedOn);

/// <summary>Which logged time to return.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="ProjectId">Only this project, or null.</param>
/// <param name="CustomerId">Only this customer's projects, or null.</param>
/// <param name="UserId">Only this person, or null.</param>
public sealed record LoggedTimeQuery(DateOnly From, DateOnly To, long? ProjectId = null, long? CustomerId = null, string? UserId = null);

/// <summary>A person's time on a project for a day.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="UserId">The person.</param>
/// <param name="Date">The day.</param>
/// <param name="Minutes">All minutes logged.</param>
/// <param name="BillableMinutes">The billable part.</param>
public sealed record LoggedTime(long ProjectId, long CustomerId, string UserId, DateOnly Date, int Minutes, int BillableMinutes);

/// <summary>Which months of logged time to return (<see cref="IProjectFacts.GetMonthlyHoursAsync"/>); a last month before the first gives no rows.</summary>
/// <param name="FromMonth">The first month: any day of it (the 1st is usual).</param>
/// <param name="ToMonth">The last month, included: any day of it.</param>
/// <param name="CustomerId">Only this customer's projects, or null for every project.</param>
public sealed record MonthlyHoursQuery(DateOnly FromMonth, DateOnly ToMonth, long? CustomerId = null);

/// <summary>Time logged on a project in a calendar month.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Month">The month's first day.</param>
/// <param name="Minutes">All minutes logged in the month.</param>
/// <param name="BillableMinutes">The billable part.</param>
public sealed record MonthlyHours(long ProjectId, long CustomerId, DateOnly Month, int Minutes, int BillableMinutes)
{
    /// <summary>All hours logged (<see cref="Minutes"/> ÷ 60, not rounded).</summary>
    public decimal Hours => Minutes / 60m;
}
