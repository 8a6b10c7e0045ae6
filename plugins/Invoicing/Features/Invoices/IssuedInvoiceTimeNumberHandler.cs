using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Events;
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

        var billed = await time.GetBilledAsync(domainEvent.InvoiceId, cancellationToken);
        if (billed.Count > 0)
        {
            var outcome = await time.MarkBilledAsync(
                new BillingReference(domainEvent.InvoiceId, domainEvent.CustomerId, domainEvent.Number), [.. billed.Select(e => e.EntryId)], cancellationToken);
            if (!outcome.Succeeded)
            {
                // A concurrent change of an entry: the delivery is retried.
                throw new InvalidOperationException($"The time of invoice {domainEvent.Number} could not be given its number: {string.Join(" ", outcome.Refusals.Select(r => r.Reason))}");
            }
        }
    }
}
