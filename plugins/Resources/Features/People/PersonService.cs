using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Allocations;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Schedules;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.People;

/// <summary>A person as the people list shows them.</summary>
/// <param name="Id">The person.</param>
/// <param name="UserId">The user, or null for a placeholder.</param>
/// <param name="Name">The name.</param>
/// <param name="TeamId">The team, or null.</param>
/// <param name="TeamName">The team's name, or null.</param>
/// <param name="ManagerUserId">The manager, or null.</param>
/// <param name="HolidayCalendarId">The public-holiday calendar, or null.</param>
/// <param name="Skills">Skills and levels, by name.</param>
/// <param name="RowVersion">The version, for a change.</param>
public sealed record PersonRow(long Id, string? UserId, string Name, long? TeamId, string? TeamName, string? ManagerUserId, long? HolidayCalendarId, IReadOnlyList<(string Skill, int Level)> Skills, Guid RowVersion)
{
    /// <summary>Whether this is a placeholder.</summary>
    public bool IsPlaceholder => UserId is null;
}

/// <summary>
/// Adds and changes the people who are planned: users and placeholders, their team, manager,
/// holiday calendar and skills, and replaces a placeholder by a person who takes over its allocations.
/// </summary>
public sealed class PersonService(
    IDbContextFactory<ResourcesDbContext> contexts,
    ResourcesAccess access,
    IUserDirectory users,
    TimeProvider clock)
{
    private static readonly Problem PersonConflict =
        new("Someone else changed this person since you opened the page. Reload it to see their change, then make yours again.");

    private static readonly Problem NotYourTeam = new("You can plan only the people of your team.");

    /// <summary>
    /// Adds a person. Planners of all add users and placeholders for anyone; a manager adds
    /// placeholders for their own team only.
    /// </summary>
    /// <param name="input">The person and the schedule they start on.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await access.CanPlanAllAsync(cancellationToken);
        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId.Trim();
        string? userName = null;
        return await db.Change<Person>()
            .Allow(access.CanPlanAnyoneAsync)
            .Allow(ct => Task.FromResult(all || (userId is null && (input.ManagerUserId is null || input.ManagerUserId == access.UserId))),
                new Problem("You can add placeholders for your own team; ask an administrator to add people."))
            .Validate(input, async (errors, ct) =>
            {
                if (userId is not null)
                {
                    var found = await users.GetManyAsync([userId], ct);
                    if (!found.TryGetValue(userId, out var user))
                    {
                        errors[nameof(input.UserId)] = [new Problem("Choose a user who exists.")];
                    }
                    else if (await db.People.AnyAsync(p => p.UserId == userId, ct))
                    {
                        errors[nameof(input.UserId)] = [new Problem("{0} is already among the people.", user.Name)];
                    }
                    else
                    {
                        userName = user.Name;
                    }
                }

                await ValidateDetailsAsync(db, input.TeamId, input.ManagerUserId, input.HolidayCalendarId, errors, ct);
            })
            .Create(() => new Person { Name = string.Empty, CreatedAt = clock.GetUtcNow() })
            .Apply(person =>
            {
                person.UserId = userId;
                person.Name = userName ?? input.Name!.Trim();
                person.TeamId = input.TeamId;
                person.ManagerUserId = all ? Blank(input.ManagerUserId) : access.UserId;
                person.HolidayCalendarId = input.HolidayCalendarId;
            })
            .AlsoSave(async (person, ct) =>
            {
                // The first schedule needs the person's id; it commits with the person.
                var schedule = new WorkSchedule { PersonId = person.Id };
                ScheduleService.Apply(schedule, input);
                db.Schedules.Add(schedule);
                await db.SaveChangesAsync(ct);
            })
            .SaveAsync(PersonConflict, cancellationToken);
    }

    /// <summary>
    /// Changes a person's team, manager and holiday calendar (a planner of all), or team and calendar (their
    /// manager); and a placeholder's name. A user's name comes from their account and is left as it is.
    /// </summary>
    /// <param name="personId">The person.</param>
    /// <param name="input">The details, with the version the form loaded.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateAsync(long personId, PersonDetailsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await access.CanPlanAllAsync(cancellationToken);
        return await db.Change<Person>()
            .Allow(access.CanPlanAnyoneAsync)
            .Validate(input, (errors, ct) => ValidateDetailsAsync(db, input.TeamId, input.ManagerUserId, input.HolidayCalendarId, errors, ct))
            .Load(ct => db.People.FirstOrDefaultAsync(p => p.Id == personId, ct))
            .AllowFor(access.CanPlanAsync, NotYourTeam)
            .Check(person => !all && Blank(input.ManagerUserId) != person.ManagerUserId
                ? ChangeResult.Invalid(nameof(input.ManagerUserId), new Problem("Only an administrator can give a person another manager."))
                : null)
            .Expect(input.RowVersion)
            .Apply(person =>
            {
                if (person.IsPlaceholder)
                {
                    person.Name = input.Name!.Trim();
                }

                person.TeamId = input.TeamId;
                person.ManagerUserId = Blank(input.ManagerUserId);
                person.HolidayCalendarId = input.HolidayCalendarId;
            })
            .SaveAsync(PersonConflict, cancellationToken);
    }

    /// <summary>Gives a person a skill, or another level of one they have.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="input">The skill and level.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SetSkillAsync(long personId, SkillInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Person>()
            .Allow(access.CanPlanAnyoneAsync)
            .Validate(input)
            .Load(ct => db.People.Include(p => p.Skills).FirstOrDefaultAsync(p => p.Id == personId, ct))
            .AllowFor(access.CanPlanAsync, NotYourTeam)
            .Apply(person =>
            {
                var name = input.Skill!.Trim();
                var skill = person.Skills.FirstOrDefault(s => string.Equals(s.Skill, name, StringComparison.OrdinalIgnoreCase));
                if (skill is null)
                {
                    person.Skills.Add(new PersonSkill { Skill = name, Level = input.Level });
                }
                else
                {
                    skill.Level = input.Level;
                }
            })
            .SaveAsync(PersonConflict, cancellationToken);
    }

    /// <summary>Takes a skill from a person.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="skill">The skill's name.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveSkillAsync(long personId, string skill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skill);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Person>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.People.Include(p => p.Skills).FirstOrDefaultAsync(p => p.Id == personId, ct))
            .AllowFor(access.CanPlanAsync, NotYourTeam)
            .Apply(person => person.Skills.RemoveAll(s => string.Equals(s.Skill, skill.Trim(), StringComparison.OrdinalIgnoreCase)))
            .SaveAsync(PersonConflict, cancellationToken);
    }

    /// <summary>
    /// Replaces a placeholder by a person: the person takes over every allocation of the placeholder,
    /// which is then no longer planned. Refused like an allocation when it takes the person above
    /// capacity, unless confirmed.
    /// </summary>
    /// <param name="placeholderId">The placeholder.</param>
    /// <param name="personId">The person who takes its place.</param>
    /// <param name="rowVersion">The placeholder's version the page showed.</param>
    /// <param name="confirmOverallocation">The planner saw the over-allocation message and goes ahead.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> ReplacePlaceholderAsync(long placeholderId, long personId, Guid rowVersion, bool confirmOverallocation, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return await db.Change<Person>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.People.FirstOrDefaultAsync(p => p.Id == placeholderId, ct))
            .AllowFor(access.CanPlanAsync, NotYourTeam)
            .Check(placeholder =>
                !placeholder.IsPlaceholder ? new Problem("Only a placeholder can be replaced.")
                : placeholder.ReplacedByPersonId is not null ? new Problem("This placeholder was replaced already.")
                : person is null || person.IsPlaceholder || person.ReplacedByPersonId is not null ? new Problem("Choose a person (not a placeholder) to take its place.")
                : null)
            .AllowFor((_, ct) => access.CanPlanAsync(person!, ct), NotYourTeam)
            .Expect(rowVersion)
            .Check(async (placeholder, ct) => confirmOverallocation ? null : await CheckCapacityAsync(db, placeholder, person!, ct))
            .Apply(async (placeholder, ct) =>
            {
                placeholder.ReplacedByPersonId = person!.Id;
                var moved = await db.Allocations.Where(a => a.PersonId == placeholder.Id).ToListAsync(ct);
                var now = clock.GetUtcNow();
                foreach (var allocation in moved)
                {
                    allocation.PersonId = person.Id;
                    allocation.UpdatedAt = now;
                }

                return null;
            })
            .SaveAsync(PersonConflict, cancellationToken);
    }

    /// <summary>The people the user may see, with team and skills, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public Task<IReadOnlyList<PersonRow>> ListAsync(CancellationToken cancellationToken = default) => RowsAsync(null, cancellationToken);

    /// <summary>One person, or null when there is none or the user may not see them.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<PersonRow?> FindAsync(long personId, CancellationToken cancellationToken = default) =>
        (await RowsAsync(personId, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<PersonRow>> RowsAsync(long? personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = (await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken)).Where(p => p.ReplacedByPersonId == null);
        if (personId is { } id)
        {
            visible = visible.Where(p => p.Id == id);
        }

        var people = await visible.Include(p => p.Skills).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return [.. people.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).Select(p => new PersonRow(
            p.Id, p.UserId, p.Name, p.TeamId, p.TeamId is { } t && teams.TryGetValue(t, out var team) ? team : null, p.ManagerUserId, p.HolidayCalendarId,
            [.. p.Skills.OrderByDescending(s => s.Level).ThenBy(s => s.Skill, StringComparer.CurrentCulture).Select(s => (s.Skill, s.Level))],
            p.RowVersion))];
    }

    private static async Task<ChangeResult?> CheckCapacityAsync(ResourcesDbContext db, Person placeholder, Person person, CancellationToken cancellationToken)
    {
        var moved = await db.Allocations.AsNoTracking().Where(a => a.PersonId == placeholder.Id).ToListAsync(cancellationToken);
        if (moved.Count == 0)
        {
            return null;
        }

        var grid = await CapacityQueries.LoadAsync(db, [person.Id], moved.Min(a => a.StartDate), moved.Max(a => a.EndDate), cancellationToken);
        var before = grid.AllocationsOf(person.Id).ToList();
        var after = before.Concat(moved).ToList();
        var over = Overallocation.Find(grid.CalendarOf(person.Id), before, after, grid.Weeks);
        return over.Count == 0 ? null : Overallocation.Refusal(person.Name, over);
    }

    private async Task ValidateDetailsAsync(ResourcesDbContext db, long? teamId, string? managerUserId, long? calendarId, Dictionary<string, Problem[]> errors, CancellationToken cancellationToken)
    {
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            errors[nameof(PersonInput.TeamId)] = [new Problem("Choose a team that exists.")];
        }

        if (calendarId is { } calendar && !await db.HolidayCalendars.AnyAsync(c => c.Id == calendar, cancellationToken))
        {
            errors[nameof(PersonInput.HolidayCalendarId)] = [new Problem("Choose a holiday calendar that exists.")];
        }

        if (Blank(managerUserId) is { } manager && !(await users.GetManyAsync([manager], cancellationToken)).ContainsKey(manager))
        {
            errors[nameof(PersonInput.ManagerUserId)] = [new Problem("Choose a manager who exists.")];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
