using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Gives the time an issued invoice bills its number in the projects plugin (the draft marked it
/// without one), so that a locked entry names the invoice as the accountant and the customer know it.
/// </summary>
public sealed class IssuedInvoiceTimeNumberHandler(IBillableTimeSource time) : IDomainEventHandler<InvoiceIssued>
{
    /// <inheritdoc />
    public async Task HandleAsync(InvoiceIssued domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (domainEvent.Kind != InvoiceKind.Invoice)
        {
            return;
        }

        // Only the entries the invoice still bills: a credit note may have released them before this
        // delivery, and they must stay released (a concurrent release makes this throw and be retried).
        await time.NumberBilledAsync(domainEvent.InvoiceId, domainEvent.Number, cancellationToken);
    }
}
