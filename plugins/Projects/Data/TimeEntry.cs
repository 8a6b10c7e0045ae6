using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Projects.Data;

/// <summary>Time a person spent on a project (and optionally one of its tasks) on a day.</summary>
public sealed class TimeEntry : IVersionedEntity
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long? TaskId { get; set; }

    public required string UserId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The duration; whole minutes, so that sums stay exact and run in SQL on every provider.</summary>
    public int Minutes { get; set; }

    public bool IsBillable { get; set; }

    public string? Note { get; set; }

    /// <summary>The invoice that billed the entry; while set, the entry is locked.</summary>
    public long? BilledInvoiceId { get; set; }

    /// <summary>The number of that invoice, shown next to the locked entry.</summary>
    public string? BilledDocumentNumber { get; set; }

    public DateTimeOffset? BilledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>Whether an invoice billed the entry, so that it cannot be changed.</summary>
    public bool IsLocked => BilledInvoiceId is not null;
}
