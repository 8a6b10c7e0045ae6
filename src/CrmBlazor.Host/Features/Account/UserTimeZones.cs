using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The time zone each user's pages show instants in (<see cref="Identity.CrmUser.TimeZone"/>), the firm's
/// (the installation's clock, <see cref="TimeProvider.LocalTimeZone"/>) when the user chose none. Zones
/// are IANA ids (<c>Asia/Kolkata</c>), the same on every operating system .NET runs on.
/// </summary>
/// <remarks>
/// Read when a page or request first needs <see cref="Sdk.Formatting.UserDisplay"/>, which is made by a
/// synchronous factory; the zone is therefore cached per user for <see cref="CacheTime"/>, so that a
/// user's pages cost one small query a minute at most. A change on this instance is seen at once
/// (<see cref="Forget"/>); on another instance within <see cref="CacheTime"/>.
/// </remarks>
public sealed class UserTimeZones(IDbContextFactory<CrmDbContext> contexts, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long a user's zone is kept in memory.</summary>
    public static readonly TimeSpan CacheTime = TimeSpan.FromMinutes(1);

    private static readonly Lazy<IReadOnlyList<string>> Ids = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones()
            .Select(z => IanaIdOf(z))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)]);

    /// <summary>The IANA ids of the zones a user can choose, sorted.</summary>
    public static IReadOnlyList<string> All => Ids.Value;

    /// <summary>The firm's zone: the installation's clock.</summary>
    public TimeZoneInfo Firm => clock.LocalTimeZone;

    /// <summary>The zone by IANA id, or null when there is no such zone.</summary>
    /// <param name="id">An IANA id.</param>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The IANA id of a zone (converted from a Windows id where needed), or null.</summary>
    /// <param name="zone">The zone.</param>
    public static string? IanaIdOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    /// <summary>The zone of a user, the firm's when they chose none or nobody is signed in.</summary>
    /// <param name="userId">The user, or null.</param>
    public TimeZoneInfo Of(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return Firm;
        }

        return cache.GetOrCreate(KeyOf(userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheTime;
            using var db = contexts.CreateDbContext();
            var id = db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefault();
            return Find(id) ?? Firm;
        })!;
    }

    /// <summary>Drops a user's cached zone after they changed it.</summary>
    /// <param name="userId">The user.</param>
    public void Forget(string userId) => cache.Remove(KeyOf(userId));

    private static (string, string) KeyOf(string userId) => ("crm/user-time-zone", userId);
}
