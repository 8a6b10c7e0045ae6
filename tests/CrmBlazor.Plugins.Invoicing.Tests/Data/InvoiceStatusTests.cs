using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Invoicing;
using static CrmBlazor.Plugins.Invoicing.Tests.Data.TestInvoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>The status follows payments, credit notes and the due date; an overdue invoice is reminded once per level.</summary>
public sealed class InvoiceStatusTests
{
    private static readonly int[] ReminderDays = [1, 14, 30];

    [Theory]
    [InlineData(0, 0, 30, InvoiceStatus.Issued)]
    [InlineData(40, 0, 30, InvoiceStatus.PartlyPaid)]
    [InlineData(100, 0, 30, InvoiceStatus.Paid)]
    [InlineData(60, 40, 30, InvoiceStatus.Paid)]
    [InlineData(0, 0, -1, InvoiceStatus.Overdue)]
    [InlineData(40, 0, -1, InvoiceStatus.Overdue)]
    [InlineData(0, 100, -1, InvoiceStatus.Cancelled)]
    [InlineData(30, 100, 30, InvoiceStatus.Cancelled)]
    public void RefreshStatus_FollowsPaymentsCreditsAndTheDueDate(int paid, int credited, int daysToDue, InvoiceStatus expected)
    {
        var invoice = Draft().WithFee(100m).IssuedAs(1, paymentTermDays: 30);
        if (paid > 0)
        {
            invoice.PaidWith(paid);
        }

        if (credited > 0)
        {
            invoice.CreditedWith(credited);
        }

        invoice.RefreshStatus(invoice.DueDate!.Value.AddDays(-daysToDue));

        Assert.Equal(expected, invoice.Status);
    }

    [Fact]
    public void RefreshStatus_LeavesDraftsAndCreditNotesAlone()
    {
        var draft = Draft().WithFee(100m);
        var credit = Draft().WithFee(100m).IssuedAs(1).CreditNoteDraft().IssuedAs(1);

        draft.RefreshStatus(Today.AddYears(1));
        credit.RefreshStatus(Today.AddYears(1));

        Assert.Equal((InvoiceStatus.Draft, InvoiceStatus.Issued), (draft.Status, credit.Status));
    }

    [Fact]
    public void RemindIfOverdue_FifteenDaysAfterTheDueDate_MarksItOverdue_AndRecordsOnlyTheSecondReminder()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1, paymentTermDays: 30).PaidWith(400m);
        invoice.ClearDomainEvents();

        var reminded = invoice.RemindIfOverdue(ReminderDays, Now.AddDays(45));

        Assert.True(reminded);
        Assert.Equal(InvoiceStatus.Overdue, invoice.Status);
        Assert.Equal([2], invoice.Reminders.Select(r => r.Level));
        var due = Assert.IsType<PaymentReminderDue>(Assert.Single(invoice.DomainEvents));
        Assert.Equal((2, Today.AddDays(30), 600.00m, Today.AddDays(45)), (due.Level, due.DueDate, due.Outstanding, due.Date));
    }

    [Fact]
    public void RemindIfOverdue_AgainTheSameDayAndTheNext_RemindsNoMore_UntilTheNextLevelFallsDue()
    {
        var invoice = Draft().WithFee(1000m).IssuedAs(1, paymentTermDays: 30);
        invoice.RemindIfOverdue(ReminderDays, Now.AddDays(31));

        var again = (invoice.RemindIfOverdue(ReminderDays, Now.AddDays(31)), invoice.RemindIfOverdue(ReminderDays, Now.AddDays(40)));
        var third = invoice.RemindIfOverdue(ReminderDays, Now.AddDays(60));

        Assert.Equal((false, false), again);
        Assert.True(third);
        Assert.Equal([1, 3], invoice.Reminders.Select(r => r.Level));
    }

    [Fact]
    public void RemindIfOverdue_PaidOrNotYetDue_RecordsNothing()
    {
        var paid = Draft().WithFee(1000m).IssuedAs(1, paymentTermDays: 30).PaidWith(1000m);
        var notDue = Draft().WithFee(1000m).IssuedAs(2, paymentTermDays: 30);

        Assert.False(paid.RemindIfOverdue(ReminderDays, Now.AddDays(45)));
        Assert.False(notDue.RemindIfOverdue(ReminderDays, Now.AddDays(30)));
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Issued), (paid.Status, notDue.Status));
        Assert.Empty(paid.Reminders.Concat(notDue.Reminders));
    }
}
