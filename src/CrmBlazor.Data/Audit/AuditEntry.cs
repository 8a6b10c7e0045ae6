namespace CrmBlazor.Data.Audit;

/// <summary>
/// One change to one record: who, when, and each changed property's value before and after. Written
/// in the same transaction as the change, for the core's and every plugin's entities.
/// </summary>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class AuditEntry
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>When the change was saved.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The user id, or null for jobs and the system.</summary>
    public string? ActorId { get; set; }

    /// <summary>The user name, or a description of the job.</summary>
    public string? ActorName { get; set; }

    /// <summary>The owner of the entity: <c>crm</c> or a plugin id.</summary>
    public required string Owner { get; set; }

    /// <summary>The entity type, e.g. <c>Customer</c>.</summary>
    public required string Entity { get; set; }

    /// <summary>The entity's key.</summary>
    public required string EntityKey { get; set; }

    /// <summary>Created, Updated or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: property → { "before": ..., "after": ... }.</summary>
    public required string Changes { get; set; }
}
