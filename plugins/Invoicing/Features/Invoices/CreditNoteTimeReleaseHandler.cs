using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Invoicing;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Releases the time of the invoice lines an issued credit note credits (the issuing service does it
/// at once; this delivery, at least once, makes sure it happens even if that was lost).
/// </summary>
public sealed class CreditNoteTimeReleaseHandler(CreditedTimeRelease release) : IDomainEventHandler<InvoiceIssued>
{
    /// <inheritdoc />
    public async Task HandleAsync(InvoiceIssued domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Kind == InvoiceKind.CreditNote)
        {
            await release.ReleaseAsync(domainEvent.InvoiceId, cancellationToken);
        }
    }
}
