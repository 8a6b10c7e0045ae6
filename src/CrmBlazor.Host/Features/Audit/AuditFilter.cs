using CrmBlazor.Data.Audit;
using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Host.Features.Audit;

/// <summary>What an administrator looks for in the audit log; every part is optional.</summary>
public sealed record AuditFilter
{
    /// <summary>The <see cref="Actor"/> that stands for changes made by jobs and the system (no user).</summary>
    public const string SystemActor = "system";

    /// <summary>The owner of the records: <c>crm</c> or a plugin id.</summary>
    public string? Owner { get; init; }

    /// <summary>The entity type as recorded (<c>Customer</c>).</summary>
    public string? Entity { get; init; }

    /// <summary>The record's key, exactly.</summary>
    public string? EntityKey { get; init; }

    /// <summary>The user id of who made the changes, or <see cref="SystemActor"/>.</summary>
    public string? Actor { get; init; }

    /// <summary>Changes at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Changes before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// For one customer (<see cref="Entity"/> <c>Customer</c> and its <see cref="EntityKey"/>): also the
    /// entries of its contacts, addresses, tags and interactions, the customer page's history.
    /// </summary>
    public bool IncludeCustomerRecords { get; init; }

    /// <summary>Applies the filter.</summary>
    /// <param name="entries">The audit entries.</param>
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!string.IsNullOrEmpty(Owner))
        {
            entries = entries.Where(a => a.Owner == Owner);
        }

        if (!string.IsNullOrEmpty(Entity))
        {
            entries = entries.Where(a => a.Entity == Entity);
        }

        if (!string.IsNullOrWhiteSpace(EntityKey))
        {
            var key = EntityKey.Trim();
            entries = entries.Where(a => a.EntityKey == key);
        }

        if (Actor == SystemActor)
        {
            entries = entries.Where(a => a.ActorId == null);
        }
        else if (!string.IsNullOrEmpty(Actor))
        {
            entries = entries.Where(a => a.ActorId == Actor);
        }

        if (From is { } from)
        {
            entries = entries.Where(a => a.OccurredAt >= from);
        }

        if (Until is { } until)
        {
            entries = entries.Where(a => a.OccurredAt < until);
        }

        return entries;
    }

    /// <summary>The instants that bound whole days of a calendar, from the first day's midnight to the midnight after the last day.</summary>
    /// <param name="first">The first day, or null for no lower bound.</param>
    /// <param name="last">The last day, or null for no upper bound.</param>
    /// <param name="zone">The time zone whose midnights count.</param>
    public static (DateTimeOffset? From, DateTimeOffset? Until) Days(DateOnly? first, DateOnly? last, TimeZoneInfo zone) =>
        (first is { } f ? LocalCalendar.Midnight(f, zone) : null, last is { } l ? LocalCalendar.Midnight(l.AddDays(1), zone) : null);
}
