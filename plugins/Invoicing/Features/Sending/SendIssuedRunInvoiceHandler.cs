using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Timeline;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.Plugins.Invoicing.Features.Sending;

/// <summary>
/// E-mails a monthly run's invoice to the customer once it is issued, when the run was started with
/// "e-mail each invoice when it is issued" (<see cref="InvoiceRun.SendOnIssue"/>).
/// </summary>
/// <remarks>
/// The event is stored in the issue's own transaction and delivered at least once after it commits, so
/// an issue is never left unsent by a crash; <see cref="InvoiceSendService.SendIssuedRunInvoiceAsync"/>
/// sends only a document never sent, so a second delivery (a retry, a restart) sends nothing. Rendering
/// the PDF here rather than inside the issue keeps the year's numbering row locked only as long as the
/// issue itself. A customer without an address is told on its timeline, where the accountant who
/// looks at the customer sees that the invoice still has to reach it.
/// </remarks>
public sealed class SendIssuedRunInvoiceHandler(InvoiceSendService sender, ITimeline timeline) : IDomainEventHandler<InvoiceIssued>
{
    /// <inheritdoc />
    public async Task HandleAsync(InvoiceIssued domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        if (domainEvent.Kind != InvoiceKind.Invoice)
        {
            return;
        }

        if (await sender.SendIssuedRunInvoiceAsync(domainEvent.InvoiceId, cancellationToken) == SentOnIssue.NoRecipient)
        {
            await timeline.RecordAsync(new TimelineEntry(
                domainEvent.CustomerId,
                InvoiceTimeline.IssuedKind,
                string.Create(CultureInfo.InvariantCulture, $"invoicing.invoice:{domainEvent.InvoiceId}:not-emailed"),
                context.OccurredAt,
                $"Invoice {domainEvent.Number} not e-mailed: neither the customer nor its primary contact has an e-mail address",
                Link: InvoiceTimeline.LinkOf(domainEvent.InvoiceId)), cancellationToken);
        }
    }
}
