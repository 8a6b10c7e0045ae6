using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Invoices;

public sealed class InvoiceStatusesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(0, 0, 30, InvoiceStatus.Issued)]
    [InlineData(40, 0, 30, InvoiceStatus.PartlyPaid)]
    [InlineData(100, 0, 30, InvoiceStatus.Paid)]
    [InlineData(60, 40, 30, InvoiceStatus.Paid)]
    [InlineData(0, 0, -1, InvoiceStatus.Overdue)]
    [InlineData(40, 0, -1, InvoiceStatus.Overdue)]
    [InlineData(0, 100, -1, InvoiceStatus.Cancelled)]
    [InlineData(30, 100, 30, InvoiceStatus.Cancelled)]
    public void Evaluate_FollowsPaymentsCreditsAndTheDueDate(int paid, int credited, int daysToDue, InvoiceStatus expected)
    {
        var invoice = new Invoice
        {
            CustomerName = "Kavya",
            Currency = "INR",
            TaxProfile = "exempt",
            Status = InvoiceStatus.Issued,
            GrossTotal = 100,
            PaidTotal = paid,
            CreditedTotal = credited,
            DueDate = Today.AddDays(daysToDue),
        };

        Assert.Equal(expected, InvoiceStatuses.Evaluate(invoice, Today));
    }

    [Fact]
    public void Evaluate_LeavesDraftsAndCreditNotesAlone()
    {
        var draft = new Invoice { CustomerName = "K", Currency = "INR", TaxProfile = "exempt", Status = InvoiceStatus.Draft, DueDate = Today.AddDays(-5) };
        var credit = new Invoice { CustomerName = "K", Currency = "INR", TaxProfile = "exempt", Kind = InvoiceKind.CreditNote, Status = InvoiceStatus.Issued, GrossTotal = 10 };

        Assert.Equal((InvoiceStatus.Draft, InvoiceStatus.Issued), (InvoiceStatuses.Evaluate(draft, Today), InvoiceStatuses.Evaluate(credit, Today)));
    }
}
