using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Absences;

/// <summary>Time off as lists show it.</summary>
/// <param name="Id">The time off.</param>
/// <param name="StartDate">The first day.</param>
/// <param name="EndDate">The last day.</param>
/// <param name="Portion">The whole day or a half.</param>
/// <param name="Kind">Holiday, leave or sick.</param>
/// <param name="Note">The note.</param>
/// <param name="RowVersion">The version, for a removal.</param>
public sealed record TimeOffRow(long Id, DateOnly StartDate, DateOnly EndDate, DayPortion Portion, TimeOffKind Kind, string? Note, Guid RowVersion);

/// <summary>
/// Records and removes time off, which takes the scheduled hours of its days out of the person's
/// capacity. People record their own; managers their team's; planners of all anyone's.
/// </summary>
public sealed class TimeOffService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access)
{
    private static readonly Problem TimeOffConflict =
        new("Someone else changed this time off since you opened it. Reload the page to see their change.");

    private static readonly Problem NotYours = new("You can record time off only for yourself and the people of your team.");

    /// <summary>Records time off for a person.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="input">The days.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> AddAsync(long personId, TimeOffInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await access.FindVisibleAsync(db, personId, cancellationToken);
        return await db.Change<TimeOff>()
            .Allow(_ => Task.FromResult(person is not null), NotYours)
            .Validate(input, errors =>
            {
                if (person!.ReplacedByPersonId is not null)
                {
                    errors[""] = [new Problem("This placeholder was replaced by a person; plan that person instead.")];
                }
            })
            .Create(() => new TimeOff { PersonId = personId })
            .Apply(off =>
            {
                off.StartDate = input.StartDate!.Value;
                off.EndDate = input.EndDate!.Value;
                off.Portion = input.Portion;
                off.Kind = input.Kind;
                off.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
            })
            .SaveAsync(TimeOffConflict, cancellationToken);
    }

    /// <summary>Removes time off.</summary>
    /// <param name="timeOffId">The time off.</param>
    /// <param name="rowVersion">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DeleteAsync(long timeOffId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<TimeOff>()
            .Load(ct => db.TimeOff.FirstOrDefaultAsync(t => t.Id == timeOffId, ct))
            .AllowFor(async (off, ct) => await access.FindVisibleAsync(db, off.PersonId, ct) is not null, NotYours)
            .Expect(rowVersion)
            .Remove()
            .SaveAsync(TimeOffConflict, cancellationToken);
    }

    /// <summary>A person's time off overlapping a period.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see the person's planning (or there is no such person).</exception>
    public async Task<IReadOnlyList<TimeOffRow>> ListAsync(long personId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _ = await access.FindVisibleAsync(db, personId, cancellationToken) ?? throw new UnauthorizedAccessException("You cannot see this person's planning.");
        var rows = await db.TimeOff.AsNoTracking()
            .Where(t => t.PersonId == personId && t.StartDate <= to && t.EndDate >= from)
            .OrderBy(t => t.StartDate).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TimeOffRow(t.Id, t.StartDate, t.EndDate, t.Portion, t.Kind, t.Note, t.RowVersion))];
    }
}
