using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>A draft is edited freely: lines, time from the projects plugin, header; its amounts follow every change.</summary>
public sealed class InvoiceDraftTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public void NewDraft_HasNoNumber_AndTakesTheCustomersNameAndCurrency()
    {
        var draft = Invoice.NewDraft(Customer("inr"), "in-gst-intra", pricesIncludeTax: false, TimeGrouping.Person, Taxes, Now);

        Assert.Equal((InvoiceStatus.Draft, (string?)null, "கயல்விழி டிரேடர்ஸ்", "INR", Today), (draft.Status, draft.Number, draft.CustomerName, draft.Currency, draft.Date));
        Assert.Equal((0m, 0m), (draft.GrossTotal, draft.Outstanding));
    }

    [Fact]
    public void AddLine_FeesAndADiscount_AreNumberedInOrderAndTotalled()
    {
        var draft = Draft().WithFee(500m, quantity: 2).WithDiscount(100m).WithFee(250m, description: "Hosting");

        Assert.Equal([1, 2, 3], draft.Lines.Select(l => l.Position));
        Assert.Equal([1000.00m, -100.00m, 250.00m], draft.Lines.Select(l => l.Amount));
        Assert.Equal((1150.00m, 0m, 1150.00m), (draft.NetTotal, draft.TaxTotal, draft.GrossTotal));
    }

    [Theory]
    [InlineData("JPY", 3, 333.5, 1001)]
    [InlineData("INR", 3, 33.335, 100.01)]
    [InlineData("KWD", 3, 0.3335, 1.001)]
    public void AddLine_Amount_IsRoundedToTheCurrencysMinorUnits(string currency, decimal quantity, decimal unitPrice, decimal amount)
    {
        var draft = Draft(currency).WithFee(unitPrice, quantity);

        Assert.Equal((amount, amount), (draft.Lines.Single().Amount, draft.GrossTotal));
    }

    [Fact]
    public void ChangeLine_Fee_TakesItsNewValuesAndTheTotalsFollow()
    {
        var draft = Draft().WithFee(500m);

        Assert.Null(draft.ChangeLine(draft.Lines[0], LineKind.Discount, "  Early payment  ", 2, 50m, "in-gst-inter", Taxes, Now));

        Assert.Equal([("Early payment", -100.00m, "in-gst-inter")], LinesOf(draft));
        Assert.Equal((-100.00m, -18.00m, -118.00m), (draft.NetTotal, draft.TaxTotal, draft.GrossTotal));
    }

    [Fact]
    public void ChangeLine_TimeLine_TakesItsDescriptionAndTaxProfileButKeepsItsAmount()
    {
        var draft = Draft().WithTime(Time(1, "Meera", Monday, 90));

        Assert.Null(draft.ChangeLine(draft.Lines[0], LineKind.Fee, "Design review", 5, 1m, "in-gst-inter", Taxes, Now));

        Assert.Equal([("Design review", 1500.00m, "in-gst-inter")], LinesOf(draft));
        Assert.Equal((LineKind.Time, 90), (draft.Lines[0].Kind, draft.Lines[0].Minutes));
        Assert.Equal(1770.00m, draft.GrossTotal);
    }

    [Fact]
    public void RemoveLine_Fee_RenumbersTheOthersAndTheTotalsFollow()
    {
        var draft = Draft().WithFee(100m, description: "First").WithFee(200m, description: "Second").WithFee(300m, description: "Third");

        Assert.Null(draft.RemoveLine(draft.Lines[1], Taxes, Now));

        Assert.Equal([(1, "First"), (2, "Third")], draft.Lines.Select(l => (l.Position, l.Description)));
        Assert.Equal(400.00m, draft.GrossTotal);
    }

    [Fact]
    public void RemoveLine_TimeLine_TakesItsAnnexEntriesWithIt()
    {
        var draft = Draft().WithTime(
            Time(1, "Meera", Monday, 60, task: (10, "Design")),
            Time(2, "Ravi", Monday, 30, task: (11, "Build")));
        var build = draft.Lines.Single(l => l.Description.EndsWith("Build", StringComparison.Ordinal));

        Assert.Equal([2L], draft.EntriesOf(build));
        Assert.Null(draft.RemoveLine(build, Taxes, Now));

        Assert.Equal([1L], draft.TimeEntries.Select(t => t.EntryId));
        Assert.Equal(1000.00m, draft.GrossTotal);
    }

    [Fact]
    public void ReplaceTime_GroupsTheEntriesIntoTimeLinesBeforeTheFees_AndListsEachInTheAnnex()
    {
        var draft = Draft().WithFee(500m, description: "Hosting").WithTime(
            Time(1, "Meera", Monday, 60, task: (10, "Design")),
            Time(2, "Ravi", Monday.AddDays(1), 30, task: (10, "Design")),
            Time(3, "Meera", Monday.AddDays(2), 120, task: (11, "Build")));

        Assert.Equal(
            [(1, "Website · Design", 1500.00m), (2, "Website · Build", 2000.00m), (3, "Hosting", 500.00m)],
            draft.Lines.Select(l => (l.Position, l.Description, l.Amount)));
        Assert.Equal([1L, 2L, 3L], draft.TimeEntries.Select(t => t.EntryId));
        Assert.True(draft.BillsExactly([3, 2, 1]));
        Assert.Equal(4000.00m, draft.GrossTotal);
    }

    [Fact]
    public void ReplaceTime_AgainWithOtherEntries_KeepsTheTaxProfileEachGroupsLineWasGiven()
    {
        var draft = Draft().WithTime(Time(1, "Meera", Monday, 60, task: (10, "Design")));
        Assert.Null(draft.ChangeLine(draft.Lines[0], LineKind.Fee, "Design", 1, 0, "in-gst-intra", Taxes, Now));

        draft.WithTime(Time(1, "Meera", Monday, 60, task: (10, "Design")), Time(4, "Ravi", Monday, 60, task: (11, "Build")));

        Assert.Equal([("Website · Design", 1000.00m, "in-gst-intra"), ("Website · Build", 1000.00m, "exempt")], LinesOf(draft));
        Assert.False(draft.BillsExactly([1]));
    }

    [Fact]
    public void ChangeHeader_OtherGrouping_RegroupsTheAnnexIntoNewTimeLines()
    {
        var draft = Draft().WithTime(
            Time(1, "Meera", Monday, 60, task: (10, "Design")),
            Time(2, "Meera", Monday, 30, task: (11, "Build")),
            Time(3, "Ravi", Monday, 30, task: (11, "Build")));

        Assert.Null(draft.ChangeHeader("exempt", pricesIncludeTax: false, TimeGrouping.Person, "  October  ", Taxes, Now));

        Assert.Equal([("Meera · Website", 1500.00m, "exempt"), ("Ravi · Website", 500.00m, "exempt")], LinesOf(draft));
        Assert.Equal((TimeGrouping.Person, "October", 2000.00m), (draft.Grouping, draft.Notes, draft.GrossTotal));
    }

    [Fact]
    public void ChangeHeader_TaxProfileAndInclusivePrices_RetaxTheTimeLinesButNotTheFees()
    {
        var draft = Draft().WithTime(Time(1, "Meera", Monday, 60)).WithFee(118m, taxProfile: "in-gst-inter");

        Assert.Null(draft.ChangeHeader("in-gst-intra", pricesIncludeTax: true, TimeGrouping.Task, null, Taxes, Now));

        Assert.Equal(["in-gst-intra", "in-gst-inter"], draft.Lines.Select(l => l.TaxProfile));
        Assert.Equal([("IGST", 0.18m, 100.00m, 18.00m), ("CGST", 0.09m, 847.46m, 76.27m), ("SGST", 0.09m, 847.46m, 76.27m)], TaxesOf(draft));
        Assert.Equal(1118.00m, draft.GrossTotal);
    }

    [Fact]
    public void AddLine_WithATaxProfileThatIsNotConfigured_IsAMistakeOfTheCaller()
    {
        var draft = Draft();

        Assert.Throws<ArgumentException>(() => draft.AddLine(LineKind.Fee, "Setup", 1, 100m, "us-sales-tax", Taxes, Now));
        Assert.Empty(draft.Lines);
    }

    [Fact]
    public void ChangeLine_OfAnotherDocument_IsAMistakeOfTheCaller()
    {
        var draft = Draft().WithFee(100m);
        var other = Draft().WithFee(200m);

        Assert.Throws<ArgumentException>(() => draft.ChangeLine(other.Lines[0], LineKind.Fee, "Setup", 1, 1m, null, Taxes, Now));
    }

    [Fact]
    public void CreditNote_BillsNoTime()
    {
        var creditNote = Draft().WithFee(1000m).IssuedAs(1).CreditNoteDraft();

        var refused = creditNote.ReplaceTime([Time(1, "Meera", Monday, 60)], Taxes, Now);

        Assert.Equal("A credit note bills no time.", refused?.Problem.ToString());
        Assert.Empty(creditNote.TimeEntries);
    }
}
