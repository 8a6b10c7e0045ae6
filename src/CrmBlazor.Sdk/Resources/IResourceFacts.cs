namespace CrmBlazor.Sdk.Resources;

/// <summary>
/// Facts about people's capacity and planning for other plugins (upsell detection, reports): per person
/// and ISO week, what they can work and what is planned for them, and how much of a customer's projects
/// is planned against what was logged. Offered by the resource allocation plugin (id <c>resources</c>);
/// absent when it is not loaded, so depend on it in <c>plugin.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every duration is in whole <b>minutes</b> (the unit <c>IProjectFacts</c> logs time in), rounded to the
/// nearest minute as the plugin compares them; divide by 60 for hours. Weeks are ISO 8601 weeks, Monday to Sunday, named by their
/// Monday. Capacity is the working schedule in effect on each day less public holidays and time off;
/// allocations count on all projects, tentative ones included (see <c>docs/resources.md</c>).
/// </para>
/// <para>
/// Like every SDK contract between plugins, it answers the calling plugin's services and jobs and checks
/// no permission: the caller decides what its user may see. Each call reads a few set-based queries
/// whatever the number of people and weeks (at most <see cref="MostWeeks"/> weeks at once).
/// </para>
/// </remarks>
public interface IResourceFacts
{
    /// <summary>The longest span one call answers, in weeks; a longer one is refused with <see cref="ArgumentOutOfRangeException"/>.</summary>
    const int MostWeeks = 106;

    /// <summary>
    /// Capacity and allocation per person and week, for the people the query names (by person id or by
    /// user id) or for everyone planned (placeholders included, placeholders replaced by a person left
    /// out), ordered by person and week; every week of the span is there for each person, with zeros
    /// where nothing is scheduled or planned.
    /// </summary>
    /// <param name="query">The weeks and the people.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="ArgumentOutOfRangeException">The last week is before the first, or the span is longer than <see cref="MostWeeks"/>.</exception>
    Task<IReadOnlyList<PersonWeekFacts>> GetWeeksAsync(ResourceWeeksQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The utilisation of a customer's projects per project and week: the minutes planned on each (all
    /// people's allocations) against the minutes logged on it (<c>IProjectFacts.GetLoggedTimeAsync</c>).
    /// One row for every project of the customer and every week of the span, zeros included, so that a
    /// retainer nobody is planned on or logs time to shows as such. Ordered by project, then week.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="from">A day of the first week.</param>
    /// <param name="to">A day of the last week.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="ArgumentOutOfRangeException">The last week is before the first, or the span is longer than <see cref="MostWeeks"/>.</exception>
    Task<IReadOnlyList<ProjectWeekUtilisation>> GetCustomerUtilisationAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>Which people and weeks <see cref="IResourceFacts.GetWeeksAsync"/> answers for.</summary>
/// <param name="From">A day of the first week.</param>
/// <param name="To">A day of the last week.</param>
/// <param name="PersonIds">These people (their ids in the resources plugin), or null.</param>
/// <param name="UserIds">
/// The people who are these users, or null. With both lists null, everyone planned; with either or both
/// given, the people either names (unknown ids are left out).
/// </param>
public sealed record ResourceWeeksQuery(DateOnly From, DateOnly To, IReadOnlyCollection<long>? PersonIds = null, IReadOnlyCollection<string>? UserIds = null);

/// <summary>One person's week: what they can work and what is planned for them, in minutes.</summary>
/// <param name="PersonId">The person (their id in the resources plugin).</param>
/// <param name="UserId">The user the person is, or null for a placeholder ("Designer, to be hired").</param>
/// <param name="Name">The name the planning board shows.</param>
/// <param name="WeekStart">The week's Monday.</param>
/// <param name="CapacityMinutes">What the person can work that week: scheduled less away.</param>
/// <param name="AwayMinutes">Scheduled minutes lost to time off and public holidays.</param>
/// <param name="AllocatedMinutes">Planned on all projects; <paramref name="ConfirmedMinutes"/> plus <paramref name="TentativeMinutes"/>.</param>
/// <param name="ConfirmedMinutes">The confirmed part of <paramref name="AllocatedMinutes"/>.</param>
/// <param name="TentativeMinutes">The tentative (pencilled-in) part of <paramref name="AllocatedMinutes"/>.</param>
public sealed record PersonWeekFacts(
    long PersonId,
    string? UserId,
    string Name,
    DateOnly WeekStart,
    int CapacityMinutes,
    int AwayMinutes,
    int AllocatedMinutes,
    int ConfirmedMinutes,
    int TentativeMinutes)
{
    /// <summary>Allocated ÷ capacity (1 is fully planned, above 1 over-allocated), or null in a week without capacity.</summary>
    public decimal? Utilisation => CapacityMinutes > 0 ? (decimal)AllocatedMinutes / CapacityMinutes : null;

    /// <summary>Whether more is planned than the person can work.</summary>
    public bool IsOverAllocated => AllocatedMinutes > CapacityMinutes;
}

/// <summary>A project's week as <see cref="IResourceFacts.GetCustomerUtilisationAsync"/> gives it, in minutes.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="WeekStart">The week's Monday.</param>
/// <param name="AllocatedMinutes">Planned on the project that week (all people, tentative included).</param>
/// <param name="TentativeMinutes">The tentative part of <paramref name="AllocatedMinutes"/>.</param>
/// <param name="LoggedMinutes">Logged on the project that week.</param>
/// <param name="BillableMinutes">The billable part of <paramref name="LoggedMinutes"/>.</param>
public sealed record ProjectWeekUtilisation(
    long ProjectId,
    long CustomerId,
    string ProjectName,
    DateOnly WeekStart,
    int AllocatedMinutes,
    int TentativeMinutes,
    int LoggedMinutes,
    int BillableMinutes);
