using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Schedules;

/// <summary>A schedule as lists show it.</summary>
/// <param name="Id">The schedule.</param>
/// <param name="EffectiveFrom">The day it starts.</param>
/// <param name="HoursPerDay">Hours Monday to Sunday.</param>
/// <param name="HoursPerWeek">Their sum.</param>
/// <param name="RowVersion">The version, for a change.</param>
public sealed record ScheduleRow(long Id, DateOnly EffectiveFrom, IReadOnlyList<decimal> HoursPerDay, decimal HoursPerWeek, Guid RowVersion);

/// <summary>
/// A person's working schedules over time. A schedule holds from its first day until the next one
/// starts; a new schedule starts this week or later, so the weeks already lived keep their capacity
/// and utilisation (see docs/decisions/0022-capacity-over-time.md).
/// </summary>
public sealed class ScheduleService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access, TimeProvider clock)
{
    private static readonly Problem ScheduleConflict =
        new("Someone else changed this schedule since you opened it. Reload the page to see their change, then make yours again.");

    /// <summary>
    /// Sets the person's schedule from a day on: a new schedule, or a change of the one starting that
    /// day (with the version the form loaded). The first schedule of a person is given when the person
    /// is added; this one may not start before the current week.
    /// </summary>
    /// <param name="personId">The person.</param>
    /// <param name="input">The schedule.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SetAsync(long personId, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return await access.CanPlanAnyoneAsync(cancellationToken) ? ChangeResult.NotFound() : ChangeResult.Forbidden();
        }

        var thisWeek = IsoWeek.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Monday;
        var existingId = input.EffectiveFrom is { } from
            ? await db.Schedules.Where(s => s.PersonId == personId && s.EffectiveFrom == from).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var change = db.Change<WorkSchedule>()
            .Allow(ct => access.CanPlanAsync(person, ct), new Problem("You can plan only the people of your team."))
            .Validate(input, errors =>
            {
                if (input.EffectiveFrom < thisWeek)
                {
                    errors[nameof(input.EffectiveFrom)] = [new Problem("A new schedule starts this week or later; earlier weeks keep the hours they had.")];
                }
            });
        change = existingId is { } id
            ? change.Load(ct => db.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct)).Expect(input.RowVersion)
            : change.Create(() => new WorkSchedule { PersonId = personId });
        return await change
            .Apply(schedule => Apply(schedule, input))
            .SaveAsync(ScheduleConflict, cancellationToken);
    }

    /// <summary>Removes a schedule that has not started yet, so the one before it holds on.</summary>
    /// <param name="scheduleId">The schedule.</param>
    /// <param name="rowVersion">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DeleteAsync(long scheduleId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.Change<WorkSchedule>()
            .Allow(access.CanPlanAnyoneAsync)
            .Load(ct => db.Schedules.FirstOrDefaultAsync(s => s.Id == scheduleId, ct))
            .AllowFor(async (schedule, ct) =>
                await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == schedule.PersonId, ct) is { } person && await access.CanPlanAsync(person, ct),
                new Problem("You can plan only the people of your team."))
            .Check(schedule => schedule.EffectiveFrom <= today ? new Problem("A schedule that has started cannot be removed; add a new one from a later day.") : null)
            .Expect(rowVersion)
            .Remove()
            .SaveAsync(ScheduleConflict, cancellationToken);
    }

    /// <summary>A person's schedules, the latest first.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see the person's planning (or there is no such person).</exception>
    public async Task<IReadOnlyList<ScheduleRow>> ListAsync(long personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _ = await access.FindVisibleAsync(db, personId, cancellationToken) ?? throw new UnauthorizedAccessException("You cannot see this person's planning.");
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.PersonId == personId).ToListAsync(cancellationToken);
        return [.. schedules.OrderByDescending(s => s.EffectiveFrom).Select(s =>
        {
            decimal[] hours = [.. WeekDays.Select(d => Hours.FromMinutes(s.MinutesOn(d)))];
            return new ScheduleRow(s.Id, s.EffectiveFrom, hours, Hours.FromMinutes(WeekDays.Sum(s.MinutesOn)), s.RowVersion);
        })];
    }

    /// <summary>Monday to Sunday.</summary>
    internal static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Copies the hours of a schedule form onto a schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="input">The form.</param>
    internal static void Apply(WorkSchedule schedule, ScheduleInput input)
    {
        schedule.EffectiveFrom = input.EffectiveFrom!.Value;
        schedule.MondayMinutes = Hours.ToMinutes(input.MondayHours);
        schedule.TuesdayMinutes = Hours.ToMinutes(input.TuesdayHours);
        schedule.WednesdayMinutes = Hours.ToMinutes(input.WednesdayHours);
        schedule.ThursdayMinutes = Hours.ToMinutes(input.ThursdayHours);
        schedule.FridayMinutes = Hours.ToMinutes(input.FridayHours);
        schedule.SaturdayMinutes = Hours.ToMinutes(input.SaturdayHours);
        schedule.SundayMinutes = Hours.ToMinutes(input.SundayHours);
    }
}
