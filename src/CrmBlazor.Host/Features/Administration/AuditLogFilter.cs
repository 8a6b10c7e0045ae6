using System.Globalization;
using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Sdk.Navigation;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>The audit log's filters as the administrator set them (kept in the address).</summary>
public sealed class AuditLogFilter
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>Owner: <c>crm</c> or a plugin id.</summary>
    public string? Owner { get; set; }

    /// <summary>Entity type.</summary>
    public string? Entity { get; set; }

    /// <summary>Record key.</summary>
    public string? EntityKey { get; set; }

    /// <summary>User id, or <see cref="AuditFilter.SystemActor"/>.</summary>
    public string? Actor { get; set; }

    /// <summary>The first and last day, in the firm's calendar.</summary>
    public MudBlazor.DateRange? Days { get; set; }

    /// <summary>Reads the filters from the address; what cannot be used is left out (days out of range moved into it) and noted in <paramref name="address"/>.</summary>
    /// <param name="address">The page's reading of its address.</param>
    /// <param name="owner">The <c>owner</c> parameter.</param>
    /// <param name="entity">The <c>entity</c> parameter.</param>
    /// <param name="key">The <c>key</c> parameter.</param>
    /// <param name="actor">The <c>actor</c> parameter.</param>
    /// <param name="from">The <c>from</c> parameter (yyyy-MM-dd).</param>
    /// <param name="to">The <c>to</c> parameter (yyyy-MM-dd).</param>
    public static AuditLogFilter FromAddress(AddressQuery address, string? owner, string? entity, string? key, string? actor, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(address);
        var first = address.Day("from", from);
        var last = address.Day("to", to);
        if (first > last)
        {
            address.Refuse("to", to);
            last = null;
        }

        return new AuditLogFilter
        {
            Owner = address.Text("owner", owner),
            Entity = address.Text("entity", entity),
            EntityKey = address.Text("key", key),
            Actor = address.Text("actor", actor),
            Days = first is null && last is null ? null : new MudBlazor.DateRange(first?.ToDateTime(TimeOnly.MinValue), last?.ToDateTime(TimeOnly.MinValue)),
        };
    }

    /// <summary>The filter for the query, with the days turned into instants of the firm's time zone.</summary>
    /// <param name="zone">The firm's time zone.</param>
    public AuditFilter ToFilter(TimeZoneInfo zone)
    {
        var (from, until) = AuditFilter.Days(
            Days?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            Days?.End is { } end ? DateOnly.FromDateTime(end) : null,
            zone);
        return new AuditFilter { Owner = Owner, Entity = Entity, EntityKey = EntityKey, Actor = Actor, From = from, Until = until };
    }

    /// <summary>The filters as address parameters (empty ones removed).</summary>
    public Dictionary<string, object?> ToAddressParameters() => new()
    {
        ["owner"] = Empty(Owner),
        ["entity"] = Empty(Entity),
        ["key"] = Empty(EntityKey),
        ["actor"] = Empty(Actor),
        ["from"] = Days?.Start?.ToString(DayFormat, CultureInfo.InvariantCulture),
        ["to"] = Days?.End?.ToString(DayFormat, CultureInfo.InvariantCulture),
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
