using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Host.Tests.Features.Messages;

/// <summary>
/// The checks a template's texts get before they are saved or registered: Liquid syntax, merge fields
/// that are neither standard nor the template's own, and what would let a value through unencoded —
/// each named with the line and column where it is.
/// </summary>
public sealed class LiquidTemplatesTests
{
    private static readonly MessageTemplateDefinition Invoice = new()
    {
        Key = "invoicing.invoice",
        Title = "Invoice",
        Fields = [new MergeField("invoice.number", "Invoice number", "INV-1"), new MergeField("invoice.amount_due", "Amount due", "₹100")],
        Defaults = new Dictionary<string, MessageTemplateText>(),
    };

    [Fact]
    public void Check_StandardAndOwnFields_HasNoProblem()
    {
        var problem = LiquidTemplates.Check(Invoice, new("{{ invoice.number }} for {{ customer.name }}", "<p>{{ recipient.name }}, {{ invoice.amount_due }} {{ firm.name | upcase }}</p>"));

        Assert.Null(problem);
    }

    [Fact]
    public void Check_AMisspeltField_NamesItsLineAndColumnInItsText()
    {
        var problem = LiquidTemplates.Check(Invoice, new("Invoice", "<p>Dear {{ recipient.name }},</p>\n  <p>{{ invoice.numbr }}</p>"));

        Assert.NotNull(problem);
        Assert.Equal(TemplatePart.HtmlBody, problem.Part);
        Assert.Equal<object?>([2, 9, "invoice.numbr"], problem.Problem.Arguments);
    }

    [Fact]
    public void Check_AFieldInATag_IsCheckedToo()
    {
        var problem = LiquidTemplates.Check(Invoice, new("Invoice", "<p>Hi</p>", "{% if survey.link %}x{% endif %}"));

        Assert.Equal(TemplatePart.TextBody, problem?.Part);
        Assert.Equal<object?>([1, 7, "survey.link"], problem!.Problem.Arguments);
    }

    [Fact]
    public void Check_AnUnclosedOutput_IsASyntaxErrorWithItsPosition()
    {
        var problem = LiquidTemplates.Check(Invoice, new("Invoice {{ invoice.number", "<p>Hi</p>"));

        Assert.Equal(TemplatePart.Subject, problem?.Part);
        Assert.Equal("Line {0}, column {1}: the Liquid syntax is not valid ({2}).", problem!.Problem.Text);
        Assert.Equal(1, problem.Problem.Arguments[0]);
    }

    [Fact]
    public void Check_APartOfAFieldAndItsSize_AreKnown()
    {
        var problem = LiquidTemplates.Check(Invoice, new("{% if invoice %}{{ invoice.number.size }}{% endif %}", "<p>{{ customer.name.first }}</p>"));

        Assert.Null(problem);
    }

    [Fact]
    public void Check_LoopAndAssignedVariables_AreNotFields()
    {
        var problem = LiquidTemplates.Check(Invoice, new("{% capture who %}{{ recipient.name }}{% endcapture %}{{ who }}",
            "{% for i in (1..2) %}{{ i }}{{ forloop.index }}{% endfor %}{% assign total = invoice.amount_due %}{{ total }}"));

        Assert.Null(problem);
    }

    [Fact]
    public void Check_TheRawFilter_IsRefused()
    {
        var problem = LiquidTemplates.Check(Invoice, new("Invoice", "<p>{{ customer.name | raw }}</p>"));

        Assert.Equal("Line {0}, column {1}: the filter raw is not allowed; values are always encoded.", problem?.Problem.Text);
    }

    [Fact]
    public void Check_Include_IsRefused()
    {
        var problem = LiquidTemplates.Check(Invoice, new("Invoice", "{% include 'footer' %}"));

        Assert.Equal("The tags include, render and from are not allowed in message templates.", problem?.Problem.Text);
    }

    [Fact]
    public void ToPlainText_Paragraphs_BecomeParagraphsAndEntitiesText()
    {
        var text = LiquidTemplates.ToPlainText("<p>Dear  Meena,</p>\n<p>Amount: &#x20B9;100 &amp; more<br>Thanks</p>");

        Assert.Equal("Dear Meena,\n\nAmount: ₹100 & more\nThanks", text);
    }
}
