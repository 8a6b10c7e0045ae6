using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Privacy;

/// <summary>
/// A user's part of the plugin in the export and the erasure of their personal data (users page): the
/// person, their skills, working schedules, time off (sickness is health data) and allocations. The
/// erasure deletes skills, schedules and time off, clears the notes of their allocations and gives the
/// person the anonymous name the host gives the account (<see cref="StaffDataSubject.AnonymousName"/>); the allocations stay, so projects keep their planned
/// hours. Runs without a signed-in planner: the host allows it to administrators only.
/// </summary>
public sealed class ResourcesStaffData(IDbContextFactory<ResourcesDbContext> contexts) : IStaffPersonalDataContributor
{
    /// <inheritdoc />
    public async Task<object?> ExportAsync(StaffDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Include(p => p.Skills).FirstOrDefaultAsync(p => p.UserId == subject.UserId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var team = person.TeamId is { } teamId ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var calendar = person.HolidayCalendarId is { } calendarId
            ? await db.HolidayCalendars.Where(c => c.Id == calendarId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken)
            : null;
        var schedules = await db.Schedules.AsNoTracking().Where(s => s.PersonId == person.Id).OrderBy(s => s.EffectiveFrom)
            .Select(s => new
            {
                s.EffectiveFrom,
                s.MondayMinutes,
                s.TuesdayMinutes,
                s.WednesdayMinutes,
                s.ThursdayMinutes,
                s.FridayMinutes,
                s.SaturdayMinutes,
                s.SundayMinutes,
            })
            .ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking().Where(t => t.PersonId == person.Id).OrderBy(t => t.StartDate).ToListAsync(cancellationToken);
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.PersonId == person.Id).OrderBy(a => a.StartDate).ToListAsync(cancellationToken);
        return new
        {
            Person = new { person.Name, Team = team, person.ManagerUserId, HolidayCalendar = calendar, person.CreatedAt },
            Skills = person.Skills.OrderBy(s => s.Skill).Select(s => new { s.Skill, s.Level }),
            Schedules = schedules,
            TimeOff = timeOff.Select(t => new { t.StartDate, t.EndDate, Portion = t.Portion.ToString(), Kind = t.Kind.ToString(), t.Note }),
            Allocations = allocations.Select(a => new
            {
                a.ProjectId,
                a.StartDate,
                a.EndDate,
                Unit = a.Unit.ToString(),
                Hours = a.Minutes / 60m,
                a.IsTentative,
                a.Note,
            }),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(StaffDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.UserId == subject.UserId, cancellationToken);
        if (person is null)
        {
            return "Nothing held about this user.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var skills = await db.Skills.Where(s => s.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        var schedules = await db.Schedules.Where(s => s.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        var timeOff = await db.TimeOff.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        var notes = await db.Allocations.Where(a => a.PersonId == person.Id && a.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Note, (string?)null).SetProperty(a => a.RowVersion, Guid.NewGuid()), cancellationToken);
        person.Name = subject.AnonymousName;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return $"Erased {skills} skills, {schedules} working schedules, {timeOff} periods of time off and {notes} allocation notes; " +
            "the allocations stay under an anonymous name, so projects keep their planned hours.";
    }
}
