using CrmBlazor.Plugins.Invoicing.Data;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>Sending an issued document: each sending numbered and kept with its PDF; never a draft; never a sending the user did not see coming.</summary>
public sealed class InvoiceSendingTests
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46];

    [Fact]
    public void RecordSending_OfAnIssuedInvoice_KeepsWhenToWhomByWhomAndThePdf()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);

        var (sending, refusal) = invoice.RecordSending(0, "accounts@kayal.example", "Kayal Traders", 12, "nino@firm.example", "INV-2026-00001.pdf", Pdf, Now);

        Assert.Null(refusal);
        Assert.Same(sending, invoice.LastSending);
        Assert.Equal((1, Now, "accounts@kayal.example", "Kayal Traders", (long?)12, "nino@firm.example"),
            (sending!.Position, sending.SentAt, sending.RecipientEmail, sending.RecipientName, sending.ContactId, sending.SentBy));
        Assert.Equal(Pdf, sending.Pdf!.Content);
    }

    [Fact]
    public void RecordSending_Again_IsTheNextSendingWithAMessageKeyOfItsOwn()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);
        var first = invoice.RecordSending(0, "a@kayal.example", "Kayal", null, null, "x.pdf", Pdf, Now).Sending!;

        var second = invoice.RecordSending(1, "a@kayal.example", "Kayal", null, null, "x.pdf", Pdf, Now.AddDays(3)).Sending!;

        Assert.Equal((2, Now.AddDays(3)), (second.Position, invoice.LastSending!.SentAt));
        Assert.NotEqual(InvoiceSending.MessageKeyOf(42, first.Position), InvoiceSending.MessageKeyOf(42, second.Position));
    }

    [Fact]
    public void RecordSending_WithFewerSendingsThanThereAre_IsRefusedSoASecondClickSendsNothing()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1);
        invoice.RecordSending(0, "a@kayal.example", "Kayal", null, null, "x.pdf", Pdf, Now);

        var (sending, refusal) = invoice.RecordSending(0, "a@kayal.example", "Kayal", null, null, "x.pdf", Pdf, Now);

        Assert.Null(sending);
        Assert.Equal("This document was sent meanwhile; check whether it should be sent again.", refusal?.Problem.ToString());
        Assert.Single(invoice.Sendings);
    }

    [Fact]
    public void RecordSending_OfADraft_IsRefused()
    {
        var draft = Draft().WithFee(1000m);

        var (sending, refusal) = draft.RecordSending(0, "a@kayal.example", "Kayal", null, null, "x.pdf", Pdf, Now);

        Assert.Null(sending);
        Assert.Equal("Only issued documents can be sent.", refusal?.Problem.ToString());
    }
}
