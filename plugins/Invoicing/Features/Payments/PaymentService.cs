using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Payments;

/// <summary>
/// Records payments received for issued invoices (<see cref="Invoice.RecordPayment"/>, which moves them
/// to partly paid or paid): checks the permission and the input, loads the invoice and saves.
/// </summary>
public sealed class PaymentService(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>Records a payment.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="input">The day and amount.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, with the invoice's id.</returns>
    public async Task<ChangeResult> RecordAsync(long invoiceId, PaymentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);

        // Two payments recorded at once both change the invoice's totals: the second save fails on the
        // invoice's version and is checked again against the new outstanding amount.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var result = await db.Change<Invoice>()
                .Allow(access.CanManageAsync, new Problem("Only accountants and administrators may record payments."))
                .Validate(input)
                .Load(ct => db.LoadInvoiceAsync(invoiceId, ct))
                .Apply(invoice => invoice.RecordPayment(input.Date, input.Amount, input.Reference, access.UserName ?? access.UserId, clock.GetUtcNow())?.ToChangeResult())
                .SaveAsync(InvoiceConflict.Message, cancellationToken);
            if (result.Status != ChangeStatus.Conflict || attempt == Attempts)
            {
                return result;
            }
        }
    }
}
