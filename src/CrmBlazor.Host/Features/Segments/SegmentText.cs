
namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// How the segment pages name the comparisons: resource keys (English) that read as part of a
/// sentence after the field ("Last interaction · is not within the last · 90 days"). The same
/// operator reads differently for different kinds of field.
/// </summary>
public static class SegmentText
{
    /// <summary>The key of an operator's name for a field type.</summary>
    /// <param name="type">The field's type.</param>
    /// <param name="op">The operator.</param>
    public static string Operator(SegmentFieldType type, SegmentOperator op) => (type, op) switch
    {
        (SegmentFieldType.Date, SegmentOperator.IsEmpty) => "has no date",
        (SegmentFieldType.Date, SegmentOperator.IsNotEmpty) => "has a date",
        (SegmentFieldType.Number, SegmentOperator.IsEmpty) => "has no value",
        (SegmentFieldType.Number, SegmentOperator.IsNotEmpty) => "has a value",
        (_, SegmentOperator.Is) => "is",
        (_, SegmentOperator.IsNot) => "is not",
        (_, SegmentOperator.Contains) => "contains",
        (_, SegmentOperator.StartsWith) => "starts with",
        (_, SegmentOperator.IsEmpty) => "is empty",
        (_, SegmentOperator.IsNotEmpty) => "is not empty",
        (_, SegmentOperator.GreaterThan) => "is more than",
        (_, SegmentOperator.AtLeast) => "is at least",
        (_, SegmentOperator.LessThan) => "is less than",
        (_, SegmentOperator.AtMost) => "is at most",
        (_, SegmentOperator.Before) => "is before",
        (_, SegmentOperator.OnOrAfter) => "is on or after",
        (_, SegmentOperator.WithinLastDays) => "is within the last",
        (_, SegmentOperator.NotWithinLastDays) => "is not within the last",
        (_, SegmentOperator.HasTag) => "has the tag",
        _ => "does not have the tag",
    };

    /// <summary>What a rule's value is entered as, given its field and operator.</summary>
    /// <param name="field">The field, or null if it is no longer available.</param>
    /// <param name="op">The operator.</param>
    public static SegmentValueInput ValueInput(SegmentField? field, SegmentOperator op) => field switch
    {
        null => SegmentValueInput.None,
        _ when op is SegmentOperator.IsEmpty or SegmentOperator.IsNotEmpty => SegmentValueInput.None,
        { Id: SegmentFields.Owner } => SegmentValueInput.User,
        { Type: SegmentFieldType.Choice } => SegmentValueInput.Choice,
        { Type: SegmentFieldType.Number } => SegmentValueInput.Number,
        { Type: SegmentFieldType.Date } when op is SegmentOperator.WithinLastDays or SegmentOperator.NotWithinLastDays => SegmentValueInput.Days,
        { Type: SegmentFieldType.Date } => SegmentValueInput.Date,
        { Type: SegmentFieldType.Tag } => SegmentValueInput.Tag,
        _ => SegmentValueInput.Text,
    };
}

/// <summary>The input a rule's value needs.</summary>
public enum SegmentValueInput
{
    /// <summary>No value ("is empty").</summary>
    None,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of the field's choices.</summary>
    Choice,

    /// <summary>A user, or nobody.</summary>
    User,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>An existing tag.</summary>
    Tag,
}
