using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// A segment's rules: whether customers must match all or any of them, and the rules themselves,
/// as editable rows or, read-only, as sentences ("Last interaction is not within the last 90 days").
/// </summary>
public partial class SegmentRuleBuilder
{
    /// <summary>The rules, changed in place.</summary>
    [Parameter, EditorRequired]
    public SegmentDefinition Definition { get; set; } = new();

    /// <summary>The fields, users and tags to offer.</summary>
    [Parameter, EditorRequired]
    public SegmentRuleChoices Choices { get; set; } = SegmentRuleChoices.Empty;

    /// <summary>What is wrong with the rules, keyed like <c>Rules[0].Value</c>, in English.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string[]>? Errors { get; set; }

    /// <summary>Shows the rules as sentences, without inputs (for users who may not change segments).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised after any change: match, a rule added, changed or removed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private Task MatchChangedAsync(SegmentMatch match)
    {
        Definition.Match = match;
        return ChangedAsync();
    }

    private Task AddAsync()
    {
        // Start from the customer's name, the field people reach for first.
        var first = Choices.Fields.Count > 0 ? Choices.Fields[0].Field : null;
        Definition.Rules.Add(new SegmentRule
        {
            Field = first?.Id ?? SegmentFields.Name,
            Operator = first?.Operators[0] ?? SegmentOperator.Contains,
        });
        return ChangedAsync();
    }

    private Task RemoveAsync(SegmentRule rule)
    {
        Definition.Rules.Remove(rule);
        return ChangedAsync();
    }

    private Task ChangedAsync() => Changed.InvokeAsync();

    private string? ErrorsOf(int index)
    {
        if (Errors is null)
        {
            return null;
        }

        var prefix = $"Rules[{index}].";
        var messages = Errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(e => e.Value).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages.Select(m => L[m].Value));
    }

    private (string Field, string Comparison, string? Value) Describe(SegmentRule rule)
    {
        var option = Choices.Find(rule.Field);
        if (option is null)
        {
            return ($"{L["Unavailable field"]} ({rule.Field})", L[SegmentText.Operator(SegmentFieldType.Text, rule.Operator)], rule.Value);
        }

        var comparison = L[SegmentText.Operator(option.Field.Type, rule.Operator)].Value;
        var value = SegmentText.ValueInput(option.Field, rule.Operator) switch
        {
            SegmentValueInput.None => null,
            SegmentValueInput.User => string.IsNullOrEmpty(rule.Value) ? L["Nobody"].Value : Choices.Users.FirstOrDefault(u => u.Id == rule.Value).Name ?? rule.Value,
            SegmentValueInput.Choice => rule.Value is null ? null : L[rule.Value].Value,
            SegmentValueInput.Days => string.Format(
                CultureInfo.CurrentCulture,
                rule.Operator == SegmentOperator.NotWithinLastDays ? L["{0} days, or never"].Value : L["{0} days"].Value,
                rule.Value),
            SegmentValueInput.Date => DateOnly.TryParseExact(rule.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("d", CultureInfo.CurrentCulture)
                : rule.Value,
            SegmentValueInput.Number => double.TryParse(rule.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString("#,0.########", CultureInfo.CurrentCulture)
                : rule.Value,
            _ => rule.Value,
        };
        return (option.Title, comparison, value);
    }
}
