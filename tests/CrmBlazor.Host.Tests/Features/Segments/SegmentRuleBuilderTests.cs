using Bunit;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace CrmBlazor.Host.Tests.Features.Segments;

/// <summary>The rule builder offers what fits each field: its comparisons and a value input of the right kind.</summary>
public sealed class SegmentRuleBuilderTests : ComponentTestContext
{
    private static readonly SegmentRuleChoices Choices = new(
        [.. SegmentFields.All(new CatalogBuilder().WithCoreModule().Build()).Select(f => new SegmentFieldOption(f, f.Title))],
        [("user-1", "Meera Iyer"), ("user-2", "Ravi Shankar")],
        ["priority", "retainer", "விஐபி"]);

    private readonly SegmentDefinition _definition = new();
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;
    private int _changes;

    public SegmentRuleBuilderTests()
    {
        _popovers = Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task Comparisons_DateField_AreTheDateComparisons()
    {
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.LastInteraction, Operator = SegmentOperator.WithinLastDays });

        Assert.Equal(
            ["is within the last", "is not within the last", "is before", "is on or after", "has no date", "has a date"],
            await ComparisonsOfferedAsync(builder));
    }

    [Fact]
    public async Task Comparisons_TagField_AreHasAndDoesNotHave()
    {
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "priority" });

        Assert.Equal(["has the tag", "does not have the tag"], await ComparisonsOfferedAsync(builder));
    }

    [Fact]
    public async Task ChangingTheField_FromNameToLastInteraction_OffersDateComparisonsAndForgetsTheText()
    {
        var rule = new SegmentRule { Field = SegmentFields.Name, Operator = SegmentOperator.Contains, Value = "Chennai" };
        var builder = RenderWith(rule);

        await ChooseFieldAsync(builder, SegmentFields.LastInteraction);

        Assert.Equal(SegmentOperator.WithinLastDays, rule.Operator);
        Assert.Null(rule.Value);
        Assert.Contains("is before", await ComparisonsOfferedAsync(builder));
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void ValueInput_WithinTheLastDays_IsANumberOfDays()
    {
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.LastInteraction, Operator = SegmentOperator.WithinLastDays, Value = "90" });

        var days = builder.FindComponent<MudNumericField<int?>>();
        Assert.Equal(90, days.Instance.GetState(x => x.Value));
        Assert.Equal("days", days.Instance.AdornmentText);
    }

    [Fact]
    public void ValueInput_Before_IsADatePickerOnTheStoredDay()
    {
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.Created, Operator = SegmentOperator.Before, Value = "2025-03-01" });

        Assert.Equal(new DateTime(2025, 3, 1), builder.FindComponent<MudDatePicker>().Instance.Date);
    }

    [Fact]
    public async Task ChangingTheComparison_FromBeforeToWithinTheLast_ForgetsTheDate()
    {
        var rule = new SegmentRule { Field = SegmentFields.Created, Operator = SegmentOperator.Before, Value = "2025-03-01" };
        var builder = RenderWith(rule);

        var comparison = builder.FindComponent<MudSelect<SegmentOperator>>();
        await builder.InvokeAsync(() => comparison.Instance.ValueChanged.InvokeAsync(SegmentOperator.WithinLastDays));

        Assert.Null(rule.Value);
        Assert.NotNull(builder.FindComponent<MudNumericField<int?>>());
    }

    [Fact]
    public void ValueInput_Tag_SuggestsExistingTags()
    {
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag });

        Assert.NotNull(builder.FindComponent<MudAutocomplete<string>>().Instance.SearchFunc);
    }

    [Fact]
    public async Task ValueInput_AccountManager_OffersNobodyAndTheUsers()
    {
        var rule = new SegmentRule { Field = SegmentFields.Owner, Operator = SegmentOperator.Is, Value = string.Empty };
        var builder = RenderWith(rule);

        var choices = builder.FindComponents<MudSelectItem<string>>().Where(i => i.Instance.Value is "-" or "user-1" or "user-2").ToList();
        await builder.InvokeAsync(() => builder.FindComponents<MudSelect<string>>()[1].Instance.ValueChanged.InvokeAsync("-"));

        Assert.Equal(3, choices.Count);
        Assert.Equal(string.Empty, rule.Value);
    }

    [Fact]
    public void Errors_OfARulesValue_AreShownAtThatRule()
    {
        _definition.Rules.Add(new SegmentRule { Field = SegmentFields.Name, Operator = SegmentOperator.Contains, Value = "x" });
        var builder = RenderWith(
            new SegmentRule { Field = SegmentFields.OpenComplaints, Operator = SegmentOperator.AtLeast },
            new Dictionary<string, string[]> { ["Rules[1].Value"] = ["Enter a number, e.g. 1000 or 12.5."] });

        var rows = builder.FindAll("[data-testid=segment-rule]");
        Assert.DoesNotContain("Enter a number", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter a number, e.g. 1000 or 12.5.", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_NoLongerAvailable_IsShownAsUnavailable()
    {
        var builder = RenderWith(
            new SegmentRule { Field = "figure:invoicing.lifetime-revenue", Operator = SegmentOperator.AtLeast, Value = "1000" },
            new Dictionary<string, string[]> { ["Rules[0].Field"] = ["This field is no longer available (its plugin may be disabled)."] });

        Assert.Contains("This field is no longer available", builder.Find("[data-testid=segment-rule]").TextContent, StringComparison.Ordinal);
        Assert.Contains(builder.FindComponents<MudSelectItem<string>>(), i => i.Instance.Value == "figure:invoicing.lifetime-revenue" && i.Instance.Disabled);
    }

    [Fact]
    public async Task AddAndRemove_ChangeTheRulesAndReportIt()
    {
        var builder = RenderWith();

        await builder.Find("[data-testid=segment-rule-add]").ClickAsync(new());
        await builder.Find("[data-testid=segment-rule-add]").ClickAsync(new());
        await builder.Find("[data-testid=segment-rule-remove]").ClickAsync(new());

        Assert.Single(_definition.Rules);
        Assert.Equal(SegmentFields.Name, _definition.Rules[0].Field);
        Assert.Equal(3, _changes);
    }

    [Fact]
    public void ReadOnly_RulesAreSentencesWithoutInputs()
    {
        _definition.Match = SegmentMatch.Any;
        _definition.Rules.Add(new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "விஐபி" });
        var builder = RenderWith(new SegmentRule { Field = SegmentFields.LastInteraction, Operator = SegmentOperator.NotWithinLastDays, Value = "90" }, readOnly: true);

        Assert.Empty(builder.FindAll("input"));
        Assert.Contains("at least one of these rules", builder.Markup, StringComparison.Ordinal);
        Assert.Equal(
            ["Tag has the tag விஐபி", "Last interaction is not within the last 90 days, or never"],
            builder.FindAll(".crm-segment-sentence").Select(s => s.TextContent.Trim()));
    }

    private IRenderedComponent<SegmentRuleBuilder> RenderWith(SegmentRule? rule = null, Dictionary<string, string[]>? errors = null, bool readOnly = false)
    {
        if (rule is not null)
        {
            _definition.Rules.Add(rule);
        }

        return Render<SegmentRuleBuilder>(p => p
            .Add(b => b.Definition, _definition)
            .Add(b => b.Choices, Choices)
            .Add(b => b.Errors, errors)
            .Add(b => b.ReadOnly, readOnly)
            .Add(b => b.Changed, () => _changes++));
    }

    // The user opens the comparison's drop-down and reads the choices.
    private async Task<List<string>> ComparisonsOfferedAsync(IRenderedComponent<SegmentRuleBuilder> builder)
    {
        var comparison = builder.FindComponent<MudSelect<SegmentOperator>>();
        await comparison.InvokeAsync(() => comparison.Instance.OpenMenu());
        var offered = _popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        await comparison.InvokeAsync(() => comparison.Instance.CloseMenu());
        return offered;
    }

    private static Task ChooseFieldAsync(IRenderedComponent<SegmentRuleBuilder> builder, string fieldId)
    {
        var field = builder.FindComponents<MudSelect<string>>()[0];
        return builder.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(fieldId));
    }
}
