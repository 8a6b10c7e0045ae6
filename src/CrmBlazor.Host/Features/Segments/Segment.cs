using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>A group of customers defined by rules, whose membership refreshes itself.</summary>
public sealed class Segment : IVersionedEntity
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The name.</summary>
    public required string Name { get; set; }

    /// <summary>What the segment is for.</summary>
    public string? Description { get; set; }

    /// <summary>The rules as JSON (<see cref="SegmentDefinition"/>).</summary>
    public required string Definition { get; set; }

    /// <summary>Members at the last refresh.</summary>
    public int MemberCount { get; set; }

    /// <summary>When membership was last refreshed, or null if never.</summary>
    public DateTimeOffset? RefreshedAt { get; set; }

    /// <summary>When the segment was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}

/// <summary>A customer in a segment, as of the last refresh.</summary>
[NotAudited]
public sealed class SegmentMember
{
    /// <summary>The segment.</summary>
    public long SegmentId { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }
}
