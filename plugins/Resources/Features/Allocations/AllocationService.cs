using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Allocations;

/// <summary>An allocation as lists show it.</summary>
/// <param name="Id">The allocation.</param>
/// <param name="PersonId">The person.</param>
/// <param name="PersonName">The person's name.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="StartDate">The first day.</param>
/// <param name="EndDate">The last day.</param>
/// <param name="Unit">Per week or per day.</param>
/// <param name="Hours">The hours per week or per day.</param>
/// <param name="IsTentative">Whether it is pencilled in.</param>
/// <param name="Note">The note.</param>
/// <param name="RowVersion">The version, for a change.</param>
public sealed record AllocationRow(long Id, long PersonId, string PersonName, long ProjectId, DateOnly StartDate, DateOnly EndDate, AllocationUnit Unit, decimal Hours, bool IsTentative, string? Note, Guid RowVersion);

/// <summary>
/// Plans people onto projects. Every change checks on the server that the user may plan the person,
/// validates the input and the project (through <see cref="IProjectFacts"/>), refuses a change that
/// takes the person above capacity in any week unless the planner confirmed it, and detects
/// concurrent edits through the row version the dialog loaded.
/// </summary>
public sealed class AllocationService(
    IDbContextFactory<ResourcesDbContext> contexts,
    ResourcesAccess access,
    IProjectFacts projects,
    TimeProvider clock)
{
    private static readonly Problem AllocationConflict =
        new("Someone else changed this allocation since you opened it. Close the dialog and open it again to see their change.");

    /// <summary>Plans a person onto a project.</summary>
    /// <param name="input">The allocation.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> CreateAsync(AllocationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Person? person = null;
        var now = clock.GetUtcNow();
        return await db.Change<Allocation>()
            .Allow(access.CanPlanAnyoneAsync)
            .Validate(input, async (errors, ct) => person = await ValidateAsync(db, input, errors, ct))
            .Create(() => new Allocation { PersonId = person!.Id, CreatedAt = now, CreatedByUserId = access.UserId })
            .AllowFor((_, ct) => access.CanPlanAsync(person!, ct), new Problem("You can plan only the people of your team."))
            .Check((_, ct) => CheckCapacityAsync(db, person!, input, editedId: null, ct))
            .Apply(allocation => Apply(allocation, input, now))
            .SaveAsync(AllocationConflict, cancellationToken);
    }

    /// <summary>Changes an allocation: its person, project, days, hours, state or note.</summary>
    /// <param name="allocationId">The allocation.</param>
    /// <param name="input">The allocation as edited, with the version the dialog loaded.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateAsync(long allocationId, AllocationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Person? person = null;
        return await db.Change<Allocation>()
            .Allow(access.CanPlanAnyoneAsync)
            .Validate(input, async (errors, ct) => person = await ValidateAsync(db, input, errors, ct))
            .Load(ct => db.Allocations.FirstOrDefaultAsync(a => a.Id == allocationId, ct))
            .AllowFor(async (allocation, ct) => await CanPlanPersonAsync(db, allocation.PersonId, ct) && await access.CanPlanAsync(person!, ct),
                new Problem("You can plan only the people of your team."))
            .Expect(input.RowVersion)
            .Check((allocation, ct) => CheckCapacityAsync(db, person!, input, allocation.Id, ct))
            .Apply(allocation =>
            {
                allocation.PersonId = person!.Id;
                Apply(allocation, input, clock.GetUtcNow());
            })
            .SaveAsync(AllocationConflict, cancellationToken);
    }

    /// <summary>Lets an allocation end on another day, later than it does now (the board's "extend").</summary>
    /// <param name="allocationId">The allocation.</param>
    /// <param name="endDate">The new last day.</param>
    /// <param name="rowVersion">The version the board showed.</param>
    /// <param name="confirmOverallocation">The planner saw the over-allocation message and saves anyway.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> ExtendAsync(long allocationId, DateOnly endDate, Guid rowVersion, bool confirmOverallocation, CancellationToken cancellationToken = default) =>
        ReshapeAsync(allocationId, rowVersion, confirmOverallocation, a => endDate <= a.EndDate
            ? ChangeResult.Invalid(nameof(AllocationInput.EndDate), new Problem("An extended allocation ends later than it does now."))
            : WithinSpan(a.StartDate, endDate), a => (a.StartDate, endDate), cancellationToken);

    /// <summary>Moves an allocation earlier or later by whole weeks, keeping its length and hours.</summary>
    /// <param name="allocationId">The allocation.</param>
    /// <param name="weeks">How many weeks later (negative: earlier); not zero.</param>
    /// <param name="rowVersion">The version the board showed.</param>
    /// <param name="confirmOverallocation">The planner saw the over-allocation message and saves anyway.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> MoveAsync(long allocationId, int weeks, Guid rowVersion, bool confirmOverallocation, CancellationToken cancellationToken = default) =>
        ReshapeAsync(allocationId, rowVersion, confirmOverallocation, _ => weeks == 0
            ? ChangeResult.Invalid(nameof(AllocationInput.StartDate), new Problem("Move the allocation by at least one week."))
            : null, a => (a.StartDate.AddDays(weeks * 7), a.EndDate.AddDays(weeks * 7)), cancellationToken);

    /// <summary>
    /// Splits an allocation in two at a day: it ends the day before, and a copy (same project, hours,
    /// state and note) runs from that day to its old end. The hours planned stay the same, so there is
    /// no over-allocation to confirm.
    /// </summary>
    /// <param name="allocationId">The allocation.</param>
    /// <param name="at">The first day of the second part: after the allocation's first day, not after its last.</param>
    /// <param name="rowVersion">The version the board showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SplitAsync(long allocationId, DateOnly at, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Change<Allocation>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.Allocations.FirstOrDefaultAsync(a => a.Id == allocationId, ct))
            .AllowFor((allocation, ct) => CanPlanPersonAsync(db, allocation.PersonId, ct), new Problem("You can plan only the people of your team."))
            .Expect(rowVersion)
            .Check(allocation => at <= allocation.StartDate || at > allocation.EndDate
                ? ChangeResult.Invalid(nameof(AllocationInput.StartDate), new Problem("Split the allocation at a day after its first day and not after its last."))
                : null)
            .Apply(allocation =>
            {
                db.Allocations.Add(new Allocation
                {
                    PersonId = allocation.PersonId,
                    ProjectId = allocation.ProjectId,
                    StartDate = at,
                    EndDate = allocation.EndDate,
                    Unit = allocation.Unit,
                    Minutes = allocation.Minutes,
                    IsTentative = allocation.IsTentative,
                    Note = allocation.Note,
                    CreatedAt = now,
                    CreatedByUserId = access.UserId,
                    UpdatedAt = now,
                });
                allocation.EndDate = at.AddDays(-1);
                allocation.UpdatedAt = now;
            })
            .SaveAsync(AllocationConflict, cancellationToken);
    }

    /// <summary>Removes an allocation.</summary>
    /// <param name="allocationId">The allocation.</param>
    /// <param name="rowVersion">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DeleteAsync(long allocationId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Allocation>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.Allocations.FirstOrDefaultAsync(a => a.Id == allocationId, ct))
            .AllowFor((allocation, ct) => CanPlanPersonAsync(db, allocation.PersonId, ct), new Problem("You can plan only the people of your team."))
            .Expect(rowVersion)
            .Remove()
            .SaveAsync(AllocationConflict, cancellationToken);
    }

    /// <summary>A person's allocations overlapping a period; refused unless the user may see the person.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see the person's planning (or there is no such person).</exception>
    public async Task<IReadOnlyList<AllocationRow>> ListForPersonAsync(long personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await access.FindVisibleAsync(db, personId, cancellationToken)
            ?? throw new UnauthorizedAccessException("You cannot see this person's planning.");
        var rows = await db.Allocations.AsNoTracking()
            .Where(a => a.PersonId == person.Id && a.StartDate <= to && a.EndDate >= from)
            .OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => Row(a, person.Name))];
    }

    /// <summary>A project's allocations of the people the user may see (everyone's for a planner of all).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<AllocationRow>> ListForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await access.VisibleAsync(db.People.AsNoTracking(), cancellationToken);
        var rows = await (from a in db.Allocations.AsNoTracking()
                          join p in people on a.PersonId equals p.Id
                          where a.ProjectId == projectId
                          select new { Allocation = a, p.Name })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Allocation.StartDate).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Allocation.Id)
            .Select(r => Row(r.Allocation, r.Name))];
    }

    private async Task<ChangeResult> ReshapeAsync(
        long allocationId, Guid rowVersion, bool confirmOverallocation, Func<Allocation, ChangeResult?> rule, Func<Allocation, (DateOnly Start, DateOnly End)> range, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Person? person = null;
        return await db.Change<Allocation>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.Allocations.FirstOrDefaultAsync(a => a.Id == allocationId, ct))
            .AllowFor(async (allocation, ct) =>
            {
                person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == allocation.PersonId, ct);
                return person is not null && await access.CanPlanAsync(person, ct);
            }, new Problem("You can plan only the people of your team."))
            .Expect(rowVersion)
            .Check(rule)
            .Check(async (allocation, ct) =>
            {
                var (start, end) = range(allocation);
                var project = await projects.GetAsync(allocation.ProjectId, ct);
                if (project is null || project.Status is ProjectStatus.Completed or ProjectStatus.Cancelled)
                {
                    return ChangeResult.Invalid(nameof(AllocationInput.ProjectId), new Problem("A completed or cancelled project cannot be planned."));
                }

                if (confirmOverallocation)
                {
                    return null;
                }

                var candidate = Copy(allocation, start, end);
                return await CheckCapacityAsync(db, person!, candidate, ct);
            })
            .Apply(allocation =>
            {
                (allocation.StartDate, allocation.EndDate) = range(allocation);
                allocation.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(AllocationConflict, cancellationToken);
    }

    private static ChangeResult? WithinSpan(DateOnly start, DateOnly end) =>
        end.DayNumber - start.DayNumber + 1 > AllocationInput.LongestSpanDays
            ? ChangeResult.Invalid(nameof(AllocationInput.EndDate), new Problem("An allocation can span at most two years; add another for the time after."))
            : null;

    private static Allocation Copy(Allocation allocation, DateOnly start, DateOnly end) => new()
    {
        Id = allocation.Id,
        PersonId = allocation.PersonId,
        ProjectId = allocation.ProjectId,
        StartDate = start,
        EndDate = end,
        Unit = allocation.Unit,
        Minutes = allocation.Minutes,
        IsTentative = allocation.IsTentative,
    };

    private static AllocationRow Row(Allocation a, string personName) =>
        new(a.Id, a.PersonId, personName, a.ProjectId, a.StartDate, a.EndDate, a.Unit, Hours.FromMinutes(a.Minutes), a.IsTentative, a.Note, a.RowVersion);

    private async Task<bool> CanPlanPersonAsync(ResourcesDbContext db, long personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return person is not null && await access.CanPlanAsync(person, cancellationToken);
    }

    private async Task<Person?> ValidateAsync(ResourcesDbContext db, AllocationInput input, Dictionary<string, Problem[]> errors, CancellationToken cancellationToken)
    {
        Person? person = null;
        if (input.PersonId is { } personId)
        {
            person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
            if (person is null)
            {
                errors[nameof(input.PersonId)] = [new Problem("Choose a person who exists.")];
            }
            else if (person.ReplacedByPersonId is not null)
            {
                errors[nameof(input.PersonId)] = [new Problem("This placeholder was replaced by a person; plan that person instead.")];
                person = null;
            }
        }

        if (input.ProjectId is { } projectId)
        {
            var project = await projects.GetAsync(projectId, cancellationToken);
            if (project is null)
            {
                errors[nameof(input.ProjectId)] = [new Problem("Choose a project that exists.")];
            }
            else if (project.Status is ProjectStatus.Completed or ProjectStatus.Cancelled)
            {
                errors[nameof(input.ProjectId)] = [new Problem("A completed or cancelled project cannot be planned.")];
            }
        }

        return person;
    }

    private static async Task<ChangeResult?> CheckCapacityAsync(ResourcesDbContext db, Person person, AllocationInput input, long? editedId, CancellationToken cancellationToken)
    {
        if (input.ConfirmOverallocation)
        {
            return null;
        }

        var candidate = new Allocation { Id = editedId ?? 0, PersonId = person.Id };
        Apply(candidate, input, DateTimeOffset.MinValue);
        return await CheckCapacityAsync(db, person, candidate, cancellationToken);
    }

    private static async Task<ChangeResult?> CheckCapacityAsync(ResourcesDbContext db, Person person, Allocation candidate, CancellationToken cancellationToken)
    {
        long? editedId = candidate.Id == 0 ? null : candidate.Id;
        var grid = await CapacityQueries.LoadAsync(db, [person.Id], candidate.StartDate, candidate.EndDate, cancellationToken);
        var before = grid.AllocationsOf(person.Id).ToList();
        var after = before.Where(a => a.Id != editedId).Append(candidate).ToList();
        var over = Overallocation.Find(grid.CalendarOf(person.Id), before, after, grid.Weeks);
        return over.Count == 0 ? null : Overallocation.Refusal(person.Name, over);
    }

    private static void Apply(Allocation allocation, AllocationInput input, DateTimeOffset now)
    {
        allocation.ProjectId = input.ProjectId!.Value;
        allocation.StartDate = input.StartDate!.Value;
        allocation.EndDate = input.EndDate!.Value;
        allocation.Unit = input.Unit;
        allocation.Minutes = Hours.ToMinutes(input.Hours!.Value);
        allocation.IsTentative = input.IsTentative;
        allocation.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        allocation.UpdatedAt = now;
    }
}
