using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Invoicing;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>Payments of an issued invoice: partly paid, then paid; never more than what is owed, never in the future, in the currency's minor units.</summary>
public sealed class InvoicePaymentTests
{
    [Fact]
    public void RecordPayment_PartOfTheAmount_MakesTheInvoicePartlyPaid_AndRaisesPaymentReceived()
    {
        var invoice = Draft().WithFee(1000m, taxProfile: "in-gst-intra").IssuedAs(1);
        invoice.ClearDomainEvents();

        Assert.Null(invoice.RecordPayment(Today, 180m, "  NEFT 4711 ", "Nino Tsereteli", Now));

        Assert.Equal((InvoiceStatus.PartlyPaid, 180m, 1000.00m), (invoice.Status, invoice.PaidTotal, invoice.Outstanding));
        var payment = Assert.Single(invoice.Payments);
        Assert.Equal((Today, 180m, "NEFT 4711", "Nino Tsereteli"), (payment.Date, payment.Amount, payment.Reference, payment.RecordedBy));
        var received = Assert.IsType<PaymentReceived>(Assert.Single(invoice.DomainEvents));
        Assert.Equal((1, "INV-2026-00001", 180m, InvoiceStatus.PartlyPaid), (received.Sequence, received.Number, received.Amount, received.Status));
    }

    [Fact]
    public void RecordPayment_TheRest_MakesTheInvoicePaid()
    {
        var invoice = Draft().WithFee(1000m, taxProfile: "in-gst-intra").IssuedAs(1).PaidWith(180m);
        invoice.ClearDomainEvents();

        Assert.Null(invoice.RecordPayment(Today, 1000m, null, "Nino Tsereteli", Now));

        Assert.Equal((InvoiceStatus.Paid, 0m, 0m), (invoice.Status, invoice.Outstanding, invoice.Overpaid));
        var received = Assert.IsType<PaymentReceived>(Assert.Single(invoice.DomainEvents));
        Assert.Equal((2, 1000m, InvoiceStatus.Paid), (received.Sequence, received.Amount, received.Status));
    }

    [Fact]
    public void RecordPayment_MoreThanIsOwed_IsRefusedWithWhatIsOwed()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1).PaidWith(250m);

        var refused = invoice.RecordPayment(Today, 750.01m, null, null, Now);

        Assert.Equal(("Amount", "The payment is more than what is owed: ₹750.00."), (refused?.Field, refused?.Problem.ToString()));
        Assert.Equal((250m, 1), (invoice.PaidTotal, invoice.Payments.Count));
    }

    [Fact]
    public void RecordPayment_WithMoreDecimalsThanTheCurrencyHas_IsRefused()
    {
        var invoice = Draft("JPY").WithFee(1000m).IssuedAs(1);

        var refused = invoice.RecordPayment(Today, 10.5m, null, null, Now);

        Assert.Equal(("Amount", "JPY amounts have at most 0 decimals."), (refused?.Field, refused?.Problem.ToString()));
        Assert.Empty(invoice.Payments);
    }

    [Fact]
    public void RecordPayment_DatedInTheFuture_IsRefused()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);

        var refused = invoice.RecordPayment(Today.AddDays(1), 100m, null, null, Now);

        Assert.Equal(("Date", "A payment cannot be dated in the future."), (refused?.Field, refused?.Problem.ToString()));
    }

    [Fact]
    public void RecordPayment_ForADraftOrACreditNote_IsRefused()
    {
        var draft = Draft().WithFee(1000m);
        var credit = Draft().WithFee(1000m).IssuedAs(1).CreditNoteDraft().IssuedAs(1);

        Assert.Equal("Payments can be recorded only for issued invoices.", draft.RecordPayment(Today, 100m, null, null, Now)?.Problem.ToString());
        Assert.Equal("Payments can be recorded only for issued invoices.", credit.RecordPayment(Today, 100m, null, null, Now)?.Problem.ToString());
    }

    [Fact]
    public void RecordPayment_ForACancelledInvoice_IsRefused()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1).CreditedWith(1000m);

        var refused = invoice.RecordPayment(Today, 100m, null, null, Now);

        Assert.Equal("This invoice was cancelled by a credit note.", refused?.Problem.ToString());
        Assert.Equal(InvoiceStatus.Cancelled, invoice.Status);
    }
}
