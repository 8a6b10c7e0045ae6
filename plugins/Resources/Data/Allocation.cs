using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>How an allocation's hours are given. Stored as these numbers, which never change.</summary>
public enum AllocationUnit
{
    /// <summary>Hours per week, spread over the person's working days (a partial week gets its share).</summary>
    PerWeek = 0,

    /// <summary>Hours on each of the person's working days in the range.</summary>
    PerDay = 1,
}

/// <summary>A person (or placeholder) planned onto a project for a range of days.</summary>
public sealed class Allocation : IVersionedEntity
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    /// <summary>The project (read through <c>IProjectFacts</c>).</summary>
    public long ProjectId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>The last day (inclusive).</summary>
    public DateOnly EndDate { get; set; }

    public AllocationUnit Unit { get; set; }

    /// <summary>Minutes per week or per day, as <see cref="Unit"/> says.</summary>
    public int Minutes { get; set; }

    /// <summary>Pencilled in, not agreed yet; counts towards utilisation like a confirmed one.</summary>
    public bool IsTentative { get; set; }

    public string? Note { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid RowVersion { get; set; }
}
