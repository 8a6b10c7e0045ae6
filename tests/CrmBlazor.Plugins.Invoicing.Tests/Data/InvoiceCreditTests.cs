using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>Corrections are credit notes: of all lines or some, never more than is left of the invoice.</summary>
public sealed class InvoiceCreditTests
{
    [Fact]
    public void DraftCreditNote_OfAllLines_CopiesEachLineAndItsAmounts()
    {
        var invoice = Draft(taxProfile: "in-gst-intra")
            .WithTime(Time(1, "Meera", new DateOnly(2026, 10, 5), 90, task: (10, "Design")))
            .WithFee(500m, taxProfile: "in-gst-inter")
            .IssuedAs(1);

        Assert.Null(invoice.DraftCreditNote(null, new HashSet<long>(), "  Wrong rate  ", Taxes, Now, out var credit));

        Assert.Equal((InvoiceKind.CreditNote, InvoiceStatus.Draft, invoice.Id, "Wrong rate"), (credit!.Kind, credit.Status, credit.CreditedInvoiceId!.Value, credit.Notes));
        Assert.Equal(LinesOf(invoice), LinesOf(credit));
        Assert.Equal((LineKind.Time, 90), (credit.Lines[0].Kind, credit.Lines[0].Minutes));
        Assert.Equal((invoice.NetTotal, invoice.TaxTotal, invoice.GrossTotal), (credit.NetTotal, credit.TaxTotal, credit.GrossTotal));
        Assert.Empty(credit.TimeEntries);
    }

    [Fact]
    public void DraftCreditNote_OfChosenLines_CopiesOnlyThose()
    {
        var invoice = Draft().WithFee(1000m, description: "Setup").WithFee(300m, description: "Hosting").IssuedAs(1);

        var credit = invoice.CreditNoteDraft(invoice.Lines[1]);

        Assert.Equal([("Hosting", 300.00m, "exempt")], LinesOf(credit));
        Assert.Equal(300.00m, credit.GrossTotal);
    }

    [Fact]
    public void ApplyCredit_OfTheWholeAmount_CancelsTheInvoice()
    {
        var invoice = Draft().WithFee(1000m, taxProfile: "in-gst-inter").IssuedAs(1);
        var credit = invoice.CreditNoteDraft().IssuedAs(1);

        Assert.Null(invoice.ApplyCredit(credit, Now));

        Assert.Equal((InvoiceStatus.Cancelled, 1180.00m, 0m), (invoice.Status, invoice.CreditedTotal, invoice.Outstanding));
    }

    [Fact]
    public void ApplyCredit_OfSomeLines_LeavesTheRestOwed()
    {
        var invoice = Draft().WithFee(1000m).WithFee(300m, description: "Hosting").IssuedAs(1);
        var credit = invoice.CreditNoteDraft(invoice.Lines[1]).IssuedAs(1);

        Assert.Null(invoice.ApplyCredit(credit, Now));

        Assert.Equal((InvoiceStatus.Issued, 300.00m, 1000.00m), (invoice.Status, invoice.CreditedTotal, invoice.Outstanding));
    }

    [Fact]
    public void ApplyCredit_AfterTheInvoiceWasPaid_LeavesTheCustomerInCredit()
    {
        var invoice = Draft().WithFee(1000m).WithFee(300m, description: "Hosting").IssuedAs(1).PaidWith(1300m);
        var credit = invoice.CreditNoteDraft(invoice.Lines[1]).IssuedAs(1);

        Assert.Null(invoice.ApplyCredit(credit, Now));

        Assert.Equal((InvoiceStatus.Paid, 0m, 300.00m), (invoice.Status, invoice.Outstanding, invoice.Overpaid));
    }

    [Fact]
    public void ApplyCredit_OfMoreThanIsLeft_IsRefusedWithWhatIsLeft()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1).CreditedWith(400m);
        var credit = invoice.CreditNoteDraft().IssuedAs(2);

        var refused = invoice.ApplyCredit(credit, Now);

        Assert.Equal("A credit note cannot exceed what is left of the invoice: ₹600.00.", refused?.Problem.ToString());
        Assert.Equal((400m, InvoiceStatus.Issued), (invoice.CreditedTotal, invoice.Status));
    }

    [Fact]
    public void ApplyCredit_ToACancelledInvoice_IsRefused()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);
        var first = invoice.CreditNoteDraft().IssuedAs(1);
        var second = invoice.CreditNoteDraft().IssuedAs(2);
        Assert.Null(invoice.ApplyCredit(first, Now));

        var refused = invoice.ApplyCredit(second, Now);

        Assert.Equal("The credited invoice is cancelled or no longer exists.", refused?.Problem.ToString());
        Assert.Equal(1000.00m, invoice.CreditedTotal);
    }

    [Fact]
    public void DraftCreditNote_OfADraftOrACancelledInvoice_IsRefused()
    {
        var draft = Draft().WithFee(1000m);
        var cancelled = Draft().WithFee(1000m).IssuedAs(1).CreditedWith(1000m);

        Assert.Equal("Only an issued invoice that is not cancelled can be credited.", draft.DraftCreditNote(null, new HashSet<long>(), null, Taxes, Now, out _)?.Problem.ToString());
        Assert.Equal("Only an issued invoice that is not cancelled can be credited.", cancelled.DraftCreditNote(null, new HashSet<long>(), null, Taxes, Now, out var none)?.Problem.ToString());
        Assert.Null(none);
    }

    [Fact]
    public void DraftCreditNote_OfLinesOfAnotherInvoice_IsRefused()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);
        var other = Draft().WithFee(50m).IssuedAs(2);

        var refused = invoice.DraftCreditNote([other.Lines[0]], new HashSet<long>(), null, Taxes, Now, out _);

        Assert.Equal(("LineIds", "Choose lines of this invoice."), (refused?.Field, refused?.Problem.ToString()));
    }

    [Fact]
    public void CreditNote_IsEditedLikeAnyDraftUntilIssued()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);
        var credit = invoice.CreditNoteDraft();

        Assert.Null(credit.ChangeLine(credit.Lines[0], LineKind.Fee, "Price reduction", 1, 150m, null, Taxes, Now));
        credit.IssuedAs(1);

        Assert.Null(invoice.ApplyCredit(credit, Now));
        Assert.Equal((150.00m, 850.00m), (invoice.CreditedTotal, invoice.Outstanding));
        Assert.Equal("An issued document cannot be changed; issue a credit note instead.", credit.AddLine(LineKind.Fee, "More", 1, 1m, null, Taxes, Now)?.Problem.ToString());
    }
}
