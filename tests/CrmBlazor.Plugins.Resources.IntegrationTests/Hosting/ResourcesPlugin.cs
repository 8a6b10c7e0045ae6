using System.Reflection;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;

/// <summary>A person's week as the plugin computes it, in hours.</summary>
public sealed record Week(int Year, int Number, decimal Capacity, decimal Away, decimal Allocated, decimal? Utilisation)
{
    /// <summary>The week's Monday.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));
}

/// <summary>Someone the plugin suggests for a need: their level, whether the need fits every week, and the hours free in each week.</summary>
public sealed record Suggested(long PersonId, int Level, bool FitsEveryWeek, IReadOnlyList<decimal> FreeHours);

/// <summary>A week's planned and logged hours.</summary>
public sealed record PlannedAgainstLogged(int Year, int Number, decimal Planned, decimal Logged);

/// <summary>A project's projected budget burn, in hours.</summary>
public sealed record Projection(decimal? Budget, decimal Logged, decimal Planned, decimal Projected, decimal? Percent, (int Year, int Week)? Crossing, bool AlreadyOver);

/// <summary>A person's details as the person page shows them.</summary>
public sealed record PersonDetails(long Id, string Name, long? TeamId, string? TeamName, string? ManagerUserId, long? HolidayCalendarId, Guid RowVersion);

/// <summary>An allocation as the plugin lists it.</summary>
public sealed record Planned(long Id, long ProjectId, DateOnly StartDate, DateOnly EndDate, decimal Hours, Guid RowVersion);

/// <summary>A person's row on the planning board, in hours.</summary>
public sealed record BoardPerson(long PersonId, string Name, string? Team, bool IsPlaceholder, bool CanPlan, IReadOnlyList<Week> Weeks, IReadOnlyList<decimal>? ProjectHours);

/// <summary>An allocation on the planning board.</summary>
public sealed record BoardPlanned(long Id, long PersonId, long ProjectId, string ProjectName, DateOnly StartDate, DateOnly EndDate, decimal Hours, Guid RowVersion);

/// <summary>The planning board as someone sees it.</summary>
public sealed record Board(IReadOnlyList<(int Year, int Week)> Weeks, IReadOnlyList<BoardPerson> People, IReadOnlyList<BoardPlanned> Allocations)
{
    /// <summary>A person's row; fails when they are not on the board.</summary>
    public BoardPerson Of(long personId) => People.Single(p => p.PersonId == personId);
}

/// <summary>
/// Drives the resources plugin inside a running host as its pages do: its services are taken from the
/// assembly the host loaded (the tests never reference the plugin) and called as a signed-in user.
/// Inputs are the plugin's own types, filled by name.
/// </summary>
public sealed class ResourcesPlugin : PluginDriver
{
    public const string Id = "resources";
    public const string Root = "CrmBlazor.Plugins.Resources.";

    private readonly Assembly _projects;

    private ResourcesPlugin(CrmHostFactory host)
        : base(host, Id, Root) => _projects = LoadedAssembly(host, "projects");

    /// <summary>The plugin as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    /// <exception cref="InvalidOperationException">The plugin or the projects plugin is not loaded.</exception>
    public static ResourcesPlugin In(CrmHostFactory host) => new(host);

    /// <summary>Creates an active project through the projects plugin and returns its id.</summary>
    /// <param name="manager">A user who may manage projects.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="status">Its status (planned or active).</param>
    /// <param name="budgetHours">Its budget hours, or null for none.</param>
    public Task<long> CreateProjectAsync(Person manager, long customerId, ProjectStatus status = ProjectStatus.Active, decimal? budgetHours = null) => AsAsync(manager, async services =>
    {
        dynamic input = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectInput", true)!)!;
        input.CustomerId = customerId;
        input.Name = "Project " + Guid.NewGuid().ToString("N")[..8];
        input.Status = status;
        input.BudgetHours = budgetHours;
        dynamic projects = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectService", true)!);
        var outcome = (Outcome)Read(await projects.CreateAsync(input, CancellationToken.None));
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The project was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Moves a project to another status through the projects plugin, as its page does; fails the test if refused.</summary>
    public Task ChangeProjectStatusAsync(Person manager, long projectId, ProjectStatus status) => AsAsync(manager, async services =>
    {
        var db = (DbContext)services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Data.ProjectsDbContext", true)!);
        dynamic project = (await db.FindAsync(_projects.GetType("CrmBlazor.Plugins.Projects.Data.Project", true)!, projectId))!;
        dynamic projects = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectService", true)!);
        var outcome = (Outcome)Read(await projects.ChangeStatusAsync(projectId, status, (Guid)project.RowVersion, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The status change was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Logs time on a project through the projects plugin, as the person's own day view does; fails the test if refused.</summary>
    /// <param name="person">Who logs it (their own time).</param>
    public Task LogTimeAsync(Person person, long projectId, DateOnly date, int minutes) => AsAsync(person, async services =>
    {
        dynamic input = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Time.TimeEntryInput", true)!)!;
        input.ProjectId = projectId;
        input.Date = date;
        input.Minutes = minutes;
        dynamic time = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Time.TimeEntryService", true)!);
        var outcome = (Outcome)Read(await time.SaveEntryAsync(person.Id, input, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The time was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Gives a person a skill at a level as someone.</summary>
    public Task<Outcome> SetSkillAsync(Person actor, long personId, string skill, int level) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.People.SkillInput");
        input.Skill = skill;
        input.Level = level;
        dynamic people = Service(services, "Features.People.PersonService");
        return (Outcome)Read(await people.SetSkillAsync(personId, input, CancellationToken.None));
    });

    /// <summary>The people suggested to someone for a need, best first; or the refusal's status and messages.</summary>
    public Task<(Outcome? Refused, List<Suggested> People)> SuggestAsync(Person actor, string? skill, int level, decimal? hoursPerWeek, DateOnly firstWeek, int weeks) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Suggestions.SuggestionInput");
        input.Skill = skill;
        input.MinimumLevel = level;
        input.HoursPerWeek = hoursPerWeek;
        input.FirstWeek = firstWeek;
        input.Weeks = weeks;
        dynamic suggestions = Service(services, "Features.Suggestions.SuggestionService");
        dynamic result = await suggestions.SuggestAsync(input, CancellationToken.None);
        var people = new List<Suggested>();
        foreach (var person in result.People)
        {
            var free = new List<decimal>();
            foreach (var week in person.Weeks)
            {
                free.Add((decimal)week.FreeMinutes / 60m);
            }

            people.Add(new Suggested((long)person.PersonId, (int)person.Level, (bool)person.FitsEveryWeek, free));
        }

        return (result.Refused is null ? null : (Outcome?)Read(result.Refused), people);
    });

    /// <summary>A project's planned and logged hours by week, as someone sees them.</summary>
    public Task<List<PlannedAgainstLogged>> PlannedVsActualOfProjectAsync(Person actor, long projectId, DateOnly from, DateOnly to) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.PlannedVsActual.PlannedVsActualService");
        return (List<PlannedAgainstLogged>)Weeks(await service.ForProjectAsync(projectId, from, to, CancellationToken.None));
    });

    /// <summary>A person's planned and logged hours by week, as someone sees them (throws <see cref="UnauthorizedAccessException"/> when they may not).</summary>
    public Task<List<PlannedAgainstLogged>> PlannedVsActualOfPersonAsync(Person actor, long personId, DateOnly from, DateOnly to) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.PlannedVsActual.PlannedVsActualService");
        return (List<PlannedAgainstLogged>)Weeks(await service.ForPersonAsync(personId, from, to, CancellationToken.None));
    });

    /// <summary>A project's projected budget burn, as someone sees it.</summary>
    public Task<Projection?> ProjectionAsync(Person actor, long projectId) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.PlannedVsActual.PlannedVsActualService");
        dynamic p = await service.ProjectAsync(projectId, CancellationToken.None);
        if (p is null)
        {
            return (Projection?)null;
        }

        (int, int)? crossing = p.CrossingWeek is null ? null : ((int)p.CrossingWeek.Year, (int)p.CrossingWeek.Week);
        return new Projection((decimal?)p.BudgetHours, (decimal)p.LoggedHours, (decimal)p.PlannedHours, (decimal)p.ProjectedHours, (decimal?)p.Percent, crossing, (bool)p.AlreadyOver);
    });

    /// <summary>Adds a person (a user, or a placeholder without one) as someone and returns the outcome.</summary>
    /// <param name="actor">Who adds them.</param>
    /// <param name="configure">Fills the <c>PersonInput</c>: name, user, manager, team, first schedule...</param>
    public Task<Outcome> TryAddPersonAsync(Person actor, Action<dynamic> configure) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.People.PersonInput");
        configure(input);
        dynamic people = Service(services, "Features.People.PersonService");
        return (Outcome)Read(await people.CreateAsync(input, CancellationToken.None));
    });

    /// <summary>Adds a person working <paramref name="hoursPerDay"/> Monday to Friday from <paramref name="from"/>; fails the test if refused.</summary>
    /// <param name="admin">A planner of all.</param>
    /// <param name="from">The first schedule's first day.</param>
    /// <param name="hoursPerDay">Hours Monday to Friday.</param>
    /// <param name="user">The user, or null for a placeholder.</param>
    /// <param name="manager">The manager, or null.</param>
    /// <param name="calendarCode">The public-holiday calendar's code, or null.</param>
    public async Task<long> AddPersonAsync(Person admin, DateOnly from, decimal hoursPerDay = 7.5m, Person? user = null, Person? manager = null, string? calendarCode = null)
    {
        long? calendar = calendarCode is null ? null : await CalendarIdAsync(admin, calendarCode);
        var outcome = await TryAddPersonAsync(admin, input =>
        {
            input.UserId = user?.Id;
            input.Name = user is null ? "Designer, to be hired " + Guid.NewGuid().ToString("N")[..6] : null;
            input.ManagerUserId = manager?.Id;
            input.HolidayCalendarId = calendar;
            input.EffectiveFrom = from;
            SetHours(input, hoursPerDay);
        });
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The person was refused: " + string.Join(" ", outcome.Messages));
    }

    /// <summary>Adds a team as someone and returns its id; fails the test if refused.</summary>
    public Task<long> AddTeamAsync(Person actor, string name) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.People.TeamInput");
        input.Name = name;
        dynamic teams = Service(services, "Features.People.TeamService");
        var outcome = (Outcome)Read(await teams.CreateAsync(input, CancellationToken.None));
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The team was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>A person's details as someone's person page loads them, or null when they may not see the person.</summary>
    public Task<PersonDetails?> PersonAsync(Person actor, long personId) => AsAsync(actor, async services =>
    {
        dynamic people = Service(services, "Features.People.PersonService");
        dynamic row = await people.FindAsync(personId, CancellationToken.None);
        return row is null
            ? null
            : (PersonDetails?)new PersonDetails((long)row.Id, (string)row.Name, (long?)row.TeamId, (string?)row.TeamName, (string?)row.ManagerUserId, (long?)row.HolidayCalendarId, (Guid)row.RowVersion);
    });

    /// <summary>Saves a person's details form as someone: it starts from <paramref name="loaded"/> (name, team, manager, calendar and version) and <paramref name="configure"/> changes the <c>PersonDetailsInput</c>.</summary>
    public Task<Outcome> UpdatePersonAsync(Person actor, PersonDetails loaded, Action<dynamic> configure) => AsAsync(actor, async services =>
    {
        ArgumentNullException.ThrowIfNull(loaded);
        dynamic input = New("Features.People.PersonDetailsInput");
        input.Name = loaded.Name;
        input.TeamId = loaded.TeamId;
        input.ManagerUserId = loaded.ManagerUserId;
        input.HolidayCalendarId = loaded.HolidayCalendarId;
        input.RowVersion = loaded.RowVersion;
        configure(input);
        dynamic people = Service(services, "Features.People.PersonService");
        return (Outcome)Read(await people.UpdateAsync(loaded.Id, input, CancellationToken.None));
    });

    /// <summary>Sets a person's schedule from a day on (Monday to Friday hours) as someone.</summary>
    public Task<Outcome> SetScheduleAsync(Person actor, long personId, DateOnly from, decimal hoursPerDay) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Schedules.ScheduleInput");
        input.EffectiveFrom = from;
        SetHours(input, hoursPerDay);
        dynamic schedules = Service(services, "Features.Schedules.ScheduleService");
        return (Outcome)Read(await schedules.SetAsync(personId, input, CancellationToken.None));
    });

    /// <summary>Records time off as someone.</summary>
    /// <param name="portion">"FullDay", "FirstHalf" or "SecondHalf".</param>
    /// <param name="kind">"Holiday", "Leave" or "Sick".</param>
    public Task<Outcome> AddTimeOffAsync(Person actor, long personId, DateOnly start, DateOnly end, string portion = "FullDay", string kind = "Leave", string? note = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Absences.TimeOffInput");
        input.StartDate = start;
        input.EndDate = end;
        input.Portion = (dynamic)Enum.Parse(Type("Data.DayPortion"), portion);
        input.Kind = (dynamic)Enum.Parse(Type("Data.TimeOffKind"), kind);
        input.Note = note;
        dynamic timeOff = Service(services, "Features.Absences.TimeOffService");
        return (Outcome)Read(await timeOff.AddAsync(personId, input, CancellationToken.None));
    });

    /// <summary>Plans a person onto a project as someone, hours per week unless <paramref name="perDay"/>.</summary>
    public Task<Outcome> AllocateAsync(Person actor, long personId, long projectId, DateOnly start, DateOnly end, decimal hours, bool confirm = false, bool perDay = false, Action<dynamic>? configure = null) => AsAsync(actor, async services =>
    {
        dynamic input = Allocation(personId, projectId, start, end, hours, confirm, perDay);
        configure?.Invoke(input);
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        return (Outcome)Read(await allocations.CreateAsync(input, CancellationToken.None));
    });

    /// <summary>Changes an allocation as someone, from the version given (the one the dialog loaded).</summary>
    public Task<Outcome> ChangeAllocationAsync(Person actor, long allocationId, Guid version, long personId, long projectId, DateOnly start, DateOnly end, decimal hours, bool confirm = false) => AsAsync(actor, async services =>
    {
        dynamic input = Allocation(personId, projectId, start, end, hours, confirm, perDay: false);
        input.RowVersion = version;
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        return (Outcome)Read(await allocations.UpdateAsync(allocationId, input, CancellationToken.None));
    });

    /// <summary>A person's allocations overlapping a period, as someone sees them (throws <see cref="UnauthorizedAccessException"/> when they may not).</summary>
    public Task<List<Planned>> AllocationsOfAsync(Person actor, long personId, DateOnly from, DateOnly to) => AsAsync(actor, async services =>
    {
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        var rows = new List<Planned>();
        foreach (var row in await allocations.ListForPersonAsync(personId, from, to, CancellationToken.None))
        {
            rows.Add(new Planned((long)row.Id, (long)row.ProjectId, (DateOnly)row.StartDate, (DateOnly)row.EndDate, (decimal)row.Hours, (Guid)row.RowVersion));
        }

        return rows;
    });

    /// <summary>The planning board as someone sees it (<c>BoardService.LoadAsync</c>).</summary>
    public Task<Board> BoardAsync(Person actor, DateOnly from, int weeks, long? teamId = null, string? skill = null, int minLevel = 1, long? projectId = null) => AsAsync(actor, async services =>
    {
        var query = Activator.CreateInstance(Type("Features.Board.BoardQuery"), from, weeks, teamId, skill, minLevel, projectId)!;
        dynamic board = Service(services, "Features.Board.BoardService");
        dynamic data = await board.LoadAsync((dynamic)query, CancellationToken.None);
        var weekList = new List<(int, int)>();
        foreach (var week in data.Weeks)
        {
            weekList.Add(((int)week.Year, (int)week.Week));
        }

        var people = new List<BoardPerson>();
        foreach (var row in data.People)
        {
            var rowWeeks = new List<Week>();
            foreach (var week in row.Weeks)
            {
                rowWeeks.Add(new Week(
                    (int)week.Week.Year, (int)week.Week.Week, (decimal)week.CapacityMinutes / 60m, (decimal)week.AwayMinutes / 60m,
                    (decimal)week.AllocatedMinutes / 60m, (decimal?)week.Utilisation));
            }

            List<decimal>? projectHours = null;
            if (row.ProjectMinutes is not null)
            {
                projectHours = [];
                foreach (decimal minutes in row.ProjectMinutes)
                {
                    projectHours.Add(minutes / 60m);
                }
            }

            people.Add(new BoardPerson((long)row.PersonId, (string)row.Name, (string?)row.TeamName, (bool)row.IsPlaceholder, (bool)row.CanPlan, rowWeeks, projectHours));
        }

        var allocations = new List<BoardPlanned>();
        foreach (var a in data.Allocations)
        {
            allocations.Add(new BoardPlanned((long)a.Id, (long)a.PersonId, (long)a.ProjectId, (string)a.ProjectName, (DateOnly)a.StartDate, (DateOnly)a.EndDate, (decimal)a.Hours, (Guid)a.RowVersion));
        }

        return new Board(weekList, people, allocations);
    });

    /// <summary>Lets an allocation end later, as someone.</summary>
    public Task<Outcome> ExtendAsync(Person actor, long allocationId, DateOnly endDate, Guid version, bool confirm = false) => AsAsync(actor, async services =>
    {
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        return (Outcome)Read(await allocations.ExtendAsync(allocationId, endDate, version, confirm, CancellationToken.None));
    });

    /// <summary>Moves an allocation by whole weeks, as someone.</summary>
    public Task<Outcome> MoveAsync(Person actor, long allocationId, int weeks, Guid version, bool confirm = false) => AsAsync(actor, async services =>
    {
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        return (Outcome)Read(await allocations.MoveAsync(allocationId, weeks, version, confirm, CancellationToken.None));
    });

    /// <summary>Splits an allocation at a day, as someone.</summary>
    public Task<Outcome> SplitAsync(Person actor, long allocationId, DateOnly at, Guid version) => AsAsync(actor, async services =>
    {
        dynamic allocations = Service(services, "Features.Allocations.AllocationService");
        return (Outcome)Read(await allocations.SplitAsync(allocationId, at, version, CancellationToken.None));
    });

    /// <summary>A person's weeks from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>, as someone sees them.</summary>
    public Task<List<Week>> WeeksAsync(Person actor, long personId, DateOnly from, DateOnly to) => AsAsync(actor, async services =>
    {
        dynamic capacity = Service(services, "Features.Capacity.CapacityService");
        var weeks = new List<Week>();
        foreach (var week in await capacity.WeeksOfAsync(personId, from, to, CancellationToken.None))
        {
            weeks.Add(new Week(
                (int)week.Week.Year, (int)week.Week.Week, (decimal)week.CapacityMinutes / 60m, (decimal)week.AwayMinutes / 60m,
                (decimal)week.AllocatedMinutes / 60m, (decimal?)week.Utilisation));
        }

        return weeks;
    });

    /// <summary>The weeks of every person someone may see (the board's data), by person id.</summary>
    public Task<Dictionary<long, List<Week>>> WeeksOfPeopleAsync(Person actor, DateOnly from, DateOnly to) => AsAsync(actor, async services =>
    {
        dynamic capacity = Service(services, "Features.Capacity.CapacityService");
        var people = new Dictionary<long, List<Week>>();
        foreach (var pair in await capacity.WeeksOfPeopleAsync(from, to, null, CancellationToken.None))
        {
            var weeks = new List<Week>();
            foreach (var week in pair.Value)
            {
                weeks.Add(new Week(
                    (int)week.Week.Year, (int)week.Week.Week, (decimal)week.CapacityMinutes / 60m, (decimal)week.AwayMinutes / 60m,
                    (decimal)week.AllocatedMinutes / 60m, (decimal?)week.Utilisation));
            }

            people[(long)pair.Key] = weeks;
        }

        return people;
    });

    /// <summary>Replaces a placeholder by a person as someone.</summary>
    public Task<Outcome> ReplacePlaceholderAsync(Person actor, long placeholderId, long personId, bool confirm = false) => AsAsync(actor, async services =>
    {
        dynamic people = Service(services, "Features.People.PersonService");
        Guid version = default;
        foreach (var row in await people.ListAsync(CancellationToken.None))
        {
            if ((long)row.Id == placeholderId)
            {
                version = (Guid)row.RowVersion;
            }
        }

        return (Outcome)Read(await people.ReplacePlaceholderAsync(placeholderId, personId, version, confirm, CancellationToken.None));
    });

    /// <summary>Queues the daily over-allocation check through the host's scheduler, as its recurring job does.</summary>
    /// <param name="delay">When it is due, or null for now.</param>
    /// <returns>The run's id.</returns>
    public Task<Guid> QueueOverallocationCheckAsync(TimeSpan? delay = null) => QueueJobAsync("Jobs.OverallocationCheckJob", null, delay);

    /// <summary>Runs the daily over-allocation check through the host's scheduler, as its recurring job does, and waits until it succeeded.</summary>
    public Task RunOverallocationCheckAsync() => RunJobAsync("Jobs.OverallocationCheckJob");

    /// <summary>The open over-allocations the dashboard lists to someone: person, ISO year and week, allocated and capacity minutes; and how many in all.</summary>
    public Task<(List<(long PersonId, int Year, int Week, int Allocated, int Capacity)> Listed, int Total)> OpenOverbookingsAsync(Person actor) => AsAsync(actor, async services =>
    {
        dynamic overbookings = Service(services, "Features.Dashboard.OpenOverbookings");
        var result = await overbookings.ListAsync(CancellationToken.None);
        var rows = new List<(long, int, int, int, int)>();
        foreach (var row in result.Item1)
        {
            rows.Add(((long)row.PersonId, (int)row.Year, (int)row.Week, (int)row.AllocatedMinutes, (int)row.CapacityMinutes));
        }

        return (rows, (int)result.Item2);
    });

    /// <summary>What the utilisation widget shows someone: how many people, the weeks' capacity and allocated hours, and the most and least planned people's ids.</summary>
    public Task<(int People, List<(decimal Capacity, decimal Allocated)> Weeks, List<long> MostUsed, List<long> LeastUsed)> UtilisationAsync(Person actor) => AsAsync(actor, async services =>
    {
        dynamic utilisation = Service(services, "Features.Dashboard.TeamUtilisation");
        var view = await utilisation.LoadAsync(CancellationToken.None);
        var weeks = new List<(decimal, decimal)>();
        foreach (var week in view.Weeks)
        {
            weeks.Add(((decimal)week.CapacityMinutes / 60m, (decimal)week.AllocatedMinutes / 60m));
        }

        var most = new List<long>();
        foreach (var person in view.MostUsed)
        {
            most.Add((long)person.PersonId);
        }

        var least = new List<long>();
        foreach (var person in view.LeastUsed)
        {
            least.Add((long)person.PersonId);
        }

        return ((int)view.People, weeks, most, least);
    });

    /// <summary>Logs time on a project straight into the projects plugin's table, as the projects plugin's own tests do.</summary>
    public Task AddTimeDirectlyAsync(long projectId, string userId, DateOnly date, int minutes, bool billable = true) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Data.ProjectsDbContext", true)!);
        dynamic entry = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Data.TimeEntry", true)!)!;
        entry.ProjectId = projectId;
        entry.UserId = userId;
        entry.Date = date;
        entry.Minutes = minutes;
        entry.IsBillable = billable;
        entry.CreatedAt = DateTimeOffset.UtcNow;
        entry.UpdatedAt = DateTimeOffset.UtcNow;
        db.Add((object)entry);
        await db.SaveChangesAsync();
        return true;
    });

    /// <summary>Adds a day to a public-holiday calendar as someone.</summary>
    public Task<Outcome> AddHolidayAsync(Person actor, long calendarId, DateOnly? date, string? name) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Holidays.HolidayInput");
        input.Date = date;
        input.Name = name;
        dynamic holidays = Service(services, "Features.Holidays.HolidayService");
        return (Outcome)Read(await holidays.AddAsync(calendarId, input, CancellationToken.None));
    });

    /// <summary>Takes a day out of a public-holiday calendar as someone.</summary>
    public Task<Outcome> RemoveHolidayAsync(Person actor, long calendarId, DateOnly date) => AsAsync(actor, async services =>
    {
        dynamic holidays = Service(services, "Features.Holidays.HolidayService");
        return (Outcome)Read(await holidays.RemoveAsync(calendarId, date, CancellationToken.None));
    });

    /// <summary>The days of a public-holiday calendar in a year, as someone's holidays page lists them.</summary>
    public Task<List<(DateOnly Date, string Name)>> HolidaysAsync(Person actor, long calendarId, int year) => AsAsync(actor, async services =>
    {
        dynamic holidays = Service(services, "Features.Holidays.HolidayService");
        var days = new List<(DateOnly, string)>();
        foreach (var day in await holidays.ListDaysAsync(calendarId, year, CancellationToken.None))
        {
            days.Add(((DateOnly)day.Date, (string)day.Name));
        }

        return days;
    });

    /// <summary>The id of a public-holiday calendar by its code.</summary>
    public Task<long> CalendarIdAsync(Person actor, string code) => AsAsync(actor, async services =>
    {
        dynamic holidays = Service(services, "Features.Holidays.HolidayService");
        foreach (var calendar in await holidays.ListCalendarsAsync(CancellationToken.None))
        {
            if ((string)calendar.Code == code)
            {
                return (long)calendar.Id;
            }
        }

        throw new InvalidOperationException($"No calendar {code}.");
    });

    private object Allocation(long personId, long projectId, DateOnly start, DateOnly end, decimal hours, bool confirm, bool perDay)
    {
        dynamic input = New("Features.Allocations.AllocationInput");
        input.PersonId = personId;
        input.ProjectId = projectId;
        input.StartDate = start;
        input.EndDate = end;
        input.Hours = hours;
        input.ConfirmOverallocation = confirm;
        input.Unit = (dynamic)Enum.Parse(Type("Data.AllocationUnit"), perDay ? "PerDay" : "PerWeek");
        return input;
    }

    private static List<PlannedAgainstLogged> Weeks(dynamic weeks)
    {
        var rows = new List<PlannedAgainstLogged>();
        foreach (var week in weeks)
        {
            rows.Add(new PlannedAgainstLogged((int)week.Week.Year, (int)week.Week.Week, (decimal)week.PlannedMinutes / 60m, (decimal)week.LoggedMinutes / 60m));
        }

        return rows;
    }

    private static void SetHours(dynamic input, decimal hoursPerDay)
    {
        input.MondayHours = hoursPerDay;
        input.TuesdayHours = hoursPerDay;
        input.WednesdayHours = hoursPerDay;
        input.ThursdayHours = hoursPerDay;
        input.FridayHours = hoursPerDay;
        input.SaturdayHours = 0m;
        input.SundayHours = 0m;
    }
}
