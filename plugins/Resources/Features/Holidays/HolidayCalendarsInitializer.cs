using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Sdk.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Resources.Features.Holidays;

/// <summary>
/// Seeds the shipped calendars named in the settings that the database does not have yet. A calendar
/// that exists is never touched again, so a firm's own changes survive every start (and every instance
/// starting at once: a calendar another instance added meanwhile is a unique-code conflict, left alone).
/// </summary>
public sealed class HolidayCalendarsInitializer(IDbContextFactory<ResourcesDbContext> contexts, IOptions<ResourcesSettings> settings) : IPluginInitializer
{
    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var code in settings.Value.ShippedCalendarCodes)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.HolidayCalendars.AnyAsync(c => c.Code == code, cancellationToken))
            {
                continue;
            }

            var shipped = ShippedHolidayCalendars.All[code];
            var calendar = new HolidayCalendar { Code = shipped.Code, Name = shipped.Name };
            calendar.Holidays.AddRange(shipped.Holidays.Select(h => new PublicHoliday { Date = h.Date, Name = h.Name }));
            db.HolidayCalendars.Add(calendar);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance seeding it first is fine; anything else is not.
                if (!await OtherInstanceAddedAsync(code, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    private async Task<bool> OtherInstanceAddedAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HolidayCalendars.AnyAsync(c => c.Code == code, cancellationToken);
    }
}
