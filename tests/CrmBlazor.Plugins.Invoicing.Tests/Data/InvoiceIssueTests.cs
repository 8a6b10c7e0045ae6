using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Invoicing;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>Issuing gives a draft its number and dates and freezes it; from then on every change is refused.</summary>
public sealed class InvoiceIssueTests
{
    private const string Frozen = "An issued document cannot be changed; issue a credit note instead.";

    [Fact]
    public void Issue_Draft_GetsItsNumberDatesAndStatus_AndRaisesInvoiceIssued()
    {
        var invoice = Draft().WithFee(1000m, taxProfile: "in-gst-intra");

        Assert.Null(invoice.Issue(new DocumentNumber("INV-2026-00042", 2026, 42), Now, 30, "கயல்விழி டிரேடர்ஸ் (P) Ltd", "Nino Tsereteli", Taxes));

        Assert.Equal(("INV-2026-00042", 2026, 42L), (invoice.Number, invoice.SequenceYear!.Value, invoice.SequenceNumber!.Value));
        Assert.Equal((InvoiceStatus.Issued, Today, Today, Today.AddDays(30)), (invoice.Status, invoice.Date, invoice.IssueDate!.Value, invoice.DueDate!.Value));
        Assert.Equal(("கயல்விழி டிரேடர்ஸ் (P) Ltd", "Nino Tsereteli", (DateTimeOffset?)Now), (invoice.CustomerName, invoice.IssuedBy, invoice.IssuedAt));
        var issued = Assert.IsType<InvoiceIssued>(Assert.Single(invoice.DomainEvents));
        Assert.Equal((InvoiceKind.Invoice, "INV-2026-00042", 1180.00m, "INR", Today, (long?)null), (issued.Kind, issued.Number, issued.Gross, issued.Currency, issued.IssueDate, issued.CreditedInvoiceId));
    }

    [Fact]
    public void Issue_WithoutTheCustomersNameNow_KeepsTheNameItWasDraftedFor()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1, customerName: null);

        Assert.Equal("கயல்விழி டிரேடர்ஸ்", invoice.CustomerName);
    }

    [Fact]
    public void Issue_CreditNote_HasNoDueDate_AndStaysIssued()
    {
        var credit = Draft().WithFee(1000m).IssuedAs(1).CreditNoteDraft().IssuedAs(1, at: Now.AddDays(3));

        Assert.Equal(("CN-2026-00001", (DateOnly?)null, InvoiceStatus.Issued), (credit.Number, credit.DueDate, credit.Status));
        Assert.False(credit.RefreshStatus(Today.AddYears(1)));
    }

    [Fact]
    public void Issue_WithoutLines_IsRefused()
    {
        var draft = Draft();

        var refused = Issue(draft);

        Assert.Equal("Add at least one line before issuing.", refused?.Problem.ToString());
        Assert.True(draft.IsDraft);
    }

    [Fact]
    public void Issue_WithATotalOfZero_IsRefused()
    {
        var draft = Draft().WithFee(500m).WithDiscount(500m);

        var refused = Issue(draft);

        Assert.Equal("The total must be above zero.", refused?.Problem.ToString());
        Assert.Equal((InvoiceStatus.Draft, (string?)null), (draft.Status, draft.Number));
        Assert.Empty(draft.DomainEvents);
    }

    [Fact]
    public void Issue_TimeWithoutAnHourlyRate_IsRefused()
    {
        var draft = Draft().WithTime(Time(1, "Meera Iyer", new DateOnly(2026, 10, 5), 60, rate: null));

        var refused = Issue(draft);

        Assert.Equal("The time of Meera Iyer on 10/05/2026 (Website) has no hourly rate; set a rate on the project or remove the line.", refused?.Problem.ToString());
        Assert.True(draft.IsDraft);
    }

    [Fact]
    public void Issue_Twice_IsRefusedWithTheNumberItHas()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(7);

        var refused = invoice.Issue(new DocumentNumber("INV-2026-00008", 2026, 8), Now, 30, null, null, Taxes);

        Assert.Equal("This document was already issued as INV-2026-00007.", refused?.Problem.ToString());
        Assert.Equal("INV-2026-00007", invoice.Number);
    }

    [Fact]
    public void IssuedInvoice_RefusesEveryChangeOfItsContent()
    {
        var invoice = Draft().WithFee(1000m).WithTime(Time(1, "Meera", new DateOnly(2026, 10, 5), 60)).IssuedAs(1);
        var line = invoice.Lines[1];

        InvoiceRefusal?[] refusals =
        [
            invoice.CheckEditable(),
            invoice.AddLine(LineKind.Fee, "Late fee", 1, 100m, null, Taxes, Now),
            invoice.ChangeLine(line, LineKind.Fee, "Cheaper", 1, 1m, null, Taxes, Now),
            invoice.RemoveLine(line, Taxes, Now),
            invoice.ChangeHeader("in-gst-intra", pricesIncludeTax: true, TimeGrouping.Day, "Changed", Taxes, Now),
            invoice.ReplaceTime([], Taxes, Now),
            invoice.Recalculate(Taxes),
        ];

        Assert.All(refusals, r => Assert.Equal(Frozen, r?.Problem.ToString()));
        Assert.Equal([("Website", 1000.00m, "exempt"), ("Setup", 1000.00m, "exempt")], LinesOf(invoice));
        Assert.Equal((2000.00m, 1, TimeGrouping.Task, (string?)null), (invoice.GrossTotal, invoice.TimeEntries.Count, invoice.Grouping, invoice.Notes));
    }

    [Fact]
    public void IssuedInvoice_CannotBeDeleted()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);

        Assert.Equal("An issued document cannot be deleted; issue a credit note instead.", invoice.CheckDeletable()?.Problem.ToString());
        Assert.Null(Draft().CheckDeletable());
    }

    [Fact]
    public void Issue_WithANumberOfAnotherYear_IsAMistakeOfTheCaller()
    {
        var draft = Draft().WithFee(1000m);

        Assert.Throws<ArgumentException>(() => draft.Issue(new DocumentNumber("INV-2025-00001", 2025, 1), Now, 30, null, null, Taxes));
        Assert.True(draft.IsDraft);
    }

    private static InvoiceRefusal? Issue(Invoice draft) => draft.Issue(new DocumentNumber("INV-2026-00001", 2026, 1), Now, 30, null, "Nino Tsereteli", Taxes);
}
