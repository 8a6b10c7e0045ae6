using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>Whether a customer must match all rules or any of them.</summary>
public enum SegmentMatch
{
    /// <summary>Every rule must hold.</summary>
    All,

    /// <summary>At least one rule must hold.</summary>
    Any,
}

/// <summary>How a rule compares a field with its value.</summary>
public enum SegmentOperator
{
    /// <summary>Equal to the value (text, number, choice).</summary>
    Is,

    /// <summary>Not equal to the value.</summary>
    IsNot,

    /// <summary>Text contains the value.</summary>
    Contains,

    /// <summary>Text starts with the value.</summary>
    StartsWith,

    /// <summary>The field has no value.</summary>
    IsEmpty,

    /// <summary>The field has a value.</summary>
    IsNotEmpty,

    /// <summary>Number greater than the value.</summary>
    GreaterThan,

    /// <summary>Number at least the value.</summary>
    AtLeast,

    /// <summary>Number less than the value.</summary>
    LessThan,

    /// <summary>Number at most the value.</summary>
    AtMost,

    /// <summary>Date before the value (yyyy-MM-dd).</summary>
    Before,

    /// <summary>Date on or after the value (yyyy-MM-dd).</summary>
    OnOrAfter,

    /// <summary>Date within the last N days.</summary>
    WithinLastDays,

    /// <summary>Date not within the last N days, or no date at all ("no interaction in 90 days").</summary>
    NotWithinLastDays,

    /// <summary>The customer has the tag.</summary>
    HasTag,

    /// <summary>The customer does not have the tag.</summary>
    LacksTag,
}

/// <summary>One rule: a field, an operator and a value.</summary>
public sealed class SegmentRule
{
    /// <summary>The field id (see <see cref="SegmentFields"/>).</summary>
    public string Field { get; set; } = SegmentFields.Name;

    /// <summary>The operator.</summary>
    public SegmentOperator Operator { get; set; } = SegmentOperator.Contains;

    /// <summary>The value as entered: text, a number, a date (yyyy-MM-dd) or a number of days.</summary>
    [StringLength(300, ErrorMessage = "The value can be at most 300 characters long.")]
    public string? Value { get; set; }
}

/// <summary>The rules of a segment.</summary>
public sealed class SegmentDefinition
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>All or any.</summary>
    public SegmentMatch Match { get; set; } = SegmentMatch.All;

    /// <summary>The rules; a segment without rules holds every active customer.</summary>
    public List<SegmentRule> Rules { get; set; } = [];

    /// <summary>The definition as stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored definition.</summary>
    /// <param name="json">The JSON.</param>
    public static SegmentDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<SegmentDefinition>(json, Json) ?? new SegmentDefinition();
}
