using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>What a user enters for a segment.</summary>
public sealed class SegmentInput
{
    /// <summary>The name.</summary>
    [Required(ErrorMessage = "Enter a name for the segment.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>What it is for.</summary>
    [StringLength(1000, ErrorMessage = "The description can be at most 1000 characters long.")]
    [MultilineText]
    public string? Description { get; set; }

    /// <summary>The rules.</summary>
    public SegmentDefinition Definition { get; set; } = new();

    /// <summary>The version the user loaded, for edits.</summary>
    public Guid RowVersion { get; set; }
}
