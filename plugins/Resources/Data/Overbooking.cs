using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>
/// An over-allocation the daily check found: a person planned above capacity in a week, across all
/// projects. While it is open (<see cref="ResolvedAt"/> null) the week is not reported again; once the
/// week is no longer over it is resolved, and a later over-allocation of the same week is a new record
/// with the next <see cref="Occurrence"/>. At most one open record per person and week, and one record
/// per person, week and occurrence (unique indexes), so two checks at once cannot both report it.
/// </summary>
[NotAudited]
public sealed class Overbooking : IVersionedEntity
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    /// <summary>The week's Monday (ISO week).</summary>
    public DateOnly WeekStart { get; set; }

    /// <summary>1 for the week's first over-allocation, 2 when it recurred after the first was resolved, and so on.</summary>
    public int Occurrence { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>The person's capacity that week when it was found, in minutes.</summary>
    public int CapacityMinutes { get; set; }

    /// <summary>What was planned for the person that week when it was found, in minutes.</summary>
    public int AllocatedMinutes { get; set; }

    /// <summary>The manager who was told, or null when the person had none (nothing was sent).</summary>
    public string? NotifiedUserId { get; set; }

    /// <summary>The idempotency key of the mail that told the manager (shared by the weeks it listed), or null.</summary>
    public string? MessageKey { get; set; }

    /// <summary>When the week was found within capacity again; null while it is over.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid RowVersion { get; set; }
}
