using System.ComponentModel.DataAnnotations;
using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Holidays;

/// <summary>A public holiday to add to a calendar.</summary>
public sealed class HolidayInput
{
    [Required(ErrorMessage = "Enter the day.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the holiday's name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters long.")]
    public string? Name { get; set; }
}

/// <summary>A calendar as lists show it.</summary>
/// <param name="Id">The calendar.</param>
/// <param name="Code">Its code (the country).</param>
/// <param name="Name">Its name.</param>
public sealed record HolidayCalendarRow(long Id, string Code, string Name);

/// <summary>A day of a calendar.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The holiday's name.</param>
public sealed record HolidayRow(DateOnly Date, string Name);

/// <summary>Keeps the public-holiday calendars: planners of all add and remove days.</summary>
public sealed class HolidayService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access)
{
    private static readonly Problem CalendarConflict = new("That day is in the calendar already.");
    private static readonly Problem NotInCalendar = new("That day is not in the calendar any more; someone may have removed it.");

    /// <summary>Every calendar, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<HolidayCalendarRow>> ListCalendarsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.HolidayCalendars.AsNoTracking().Select(c => new HolidayCalendarRow(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The days of a calendar in a year, by date; for anyone who sees planning.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="year">The year.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user sees nobody's planning.</exception>
    public async Task<IReadOnlyList<HolidayRow>> ListDaysAsync(long calendarId, int year, CancellationToken cancellationToken = default)
    {
        if (!await access.CanSeeAnyoneAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("Seeing the public holidays needs the permission to see planning.");
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PublicHolidays.AsNoTracking()
            .Where(h => h.CalendarId == calendarId && h.Date >= first && h.Date <= last)
            .OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Date, h.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a day to a calendar.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="input">The day and its name.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> AddAsync(long calendarId, HolidayInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<HolidayCalendar>()
            .Allow(access.CanPlanAllAsync)
            .Validate(input)
            .Load(ct => db.HolidayCalendars.Include(c => c.Holidays).FirstOrDefaultAsync(c => c.Id == calendarId, ct))
            .Check(calendar => calendar.Holidays.Any(h => h.Date == input.Date) ? ChangeResult.Invalid(nameof(input.Date), CalendarConflict) : null)
            .Apply(calendar => calendar.Holidays.Add(new PublicHoliday { Date = input.Date!.Value, Name = input.Name!.Trim() }))
            .SaveAsync(CalendarConflict, cancellationToken);
    }

    /// <summary>Takes a day out of a calendar.</summary>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="date">The day.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveAsync(long calendarId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<HolidayCalendar>()
            .Allow(access.CanPlanAllAsync)
            .Load(ct => db.HolidayCalendars.Include(c => c.Holidays).FirstOrDefaultAsync(c => c.Id == calendarId, ct))
            .Check(calendar => calendar.Holidays.Any(h => h.Date == date) ? null : NotInCalendar)
            .Apply(calendar => calendar.Holidays.RemoveAll(h => h.Date == date))
            .SaveAsync(CalendarConflict, cancellationToken);
    }
}
