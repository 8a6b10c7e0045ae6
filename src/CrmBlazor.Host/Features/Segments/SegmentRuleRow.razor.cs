using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// One rule being edited: the field, the comparisons that fit the field's type, and a value input
/// that fits both (text, a choice, a user, a number, a date, a number of days, a tag).
/// </summary>
public partial class SegmentRuleRow
{
    /// <summary>What the user picks to mean "no account manager"; stored as an empty value.</summary>
    private const string Nobody = "-";

    private SegmentFieldOption? _field;
    private SegmentValueInput _input;

    /// <summary>The rule, changed in place.</summary>
    [Parameter, EditorRequired]
    public SegmentRule Rule { get; set; } = default!;

    /// <summary>The rule's position, which the messages of <see cref="Errors"/> are keyed by (<c>Rules[2].Value</c>).</summary>
    [Parameter]
    public int Index { get; set; }

    /// <summary>The fields, users and tags to offer.</summary>
    [Parameter, EditorRequired]
    public SegmentRuleChoices Choices { get; set; } = SegmentRuleChoices.Empty;

    /// <summary>What is wrong with the rules, by rule part, in English (shown translated next to the input).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

    /// <summary>Raised after the rule changed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>Raised when the user removes the rule.</summary>
    [Parameter]
    public EventCallback Removed { get; set; }

    private IEnumerable<SegmentOperator> Operators => _field?.Field.Operators ?? [Rule.Operator];

    private bool HasValueError => ErrorOf("Value") is not null;

    private string UserValue => string.IsNullOrEmpty(Rule.Value) ? Nobody : Rule.Value;

    private double? NumberValue =>
        double.TryParse(Rule.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private int? DaysValue =>
        int.TryParse(Rule.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;

    private DateTime? DateValue =>
        DateTime.TryParseExact(Rule.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        _field = Choices.Find(Rule.Field);
        _input = SegmentText.ValueInput(_field?.Field, Rule.Operator);
    }

    private string? ErrorOf(string part) =>
        Errors is not null && Errors.TryGetValue($"Rules[{Index}].{part}", out var messages) && messages.Length > 0
            ? string.Join(" ", messages.Select(m => L[m].Value))
            : null;

    private Task FieldChangedAsync(string fieldId)
    {
        var field = Choices.Find(fieldId);
        if (field is null)
        {
            return Task.CompletedTask;
        }

        // A new field starts afresh: its first comparison and a value that fits it.
        Rule.Field = fieldId;
        Rule.Operator = field.Field.Operators[0];
        Rule.Value = field.Field.Choices is [var first, ..] ? first : null;
        return ChangedAsync();
    }

    private Task OperatorChangedAsync(SegmentOperator op)
    {
        var before = SegmentText.ValueInput(_field?.Field, Rule.Operator);
        Rule.Operator = op;
        if (SegmentText.ValueInput(_field?.Field, op) != before)
        {
            // "Before 2025-01-01" becoming "within the last N days" keeps no value that would mislead.
            Rule.Value = null;
        }

        return ChangedAsync();
    }

    private Task ValueChangedAsync(string? value)
    {
        Rule.Value = value;
        return ChangedAsync();
    }

    private Task UserChangedAsync(string? value) => ValueChangedAsync(value is null or Nobody ? string.Empty : value);

    private Task NumberChangedAsync(double? value) => ValueChangedAsync(value?.ToString(CultureInfo.InvariantCulture));

    private Task DaysChangedAsync(int? value) => ValueChangedAsync(value?.ToString(CultureInfo.InvariantCulture));

    private Task DateChangedAsync(DateTime? value) => ValueChangedAsync(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private Task<IEnumerable<string>> SearchTagsAsync(string? text, CancellationToken cancellationToken)
    {
        var tags = string.IsNullOrWhiteSpace(text)
            ? Choices.Tags
            : Choices.Tags.Where(t => t.Contains(text.Trim(), StringComparison.CurrentCultureIgnoreCase));
        return Task.FromResult(tags);
    }

    private async Task ChangedAsync()
    {
        OnParametersSet();
        await Changed.InvokeAsync();
    }
}
