using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Payments;

/// <summary>Records payments received for issued invoices, which moves them to partly paid or paid.</summary>
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
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may record payments."));
        }

        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        // Two payments recorded at once both change the invoice's totals: the second save fails on the
        // invoice's version and is checked again against the new outstanding amount.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var invoice = await db.Invoices.Include(i => i.Payments).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
            if (invoice is null)
            {
                return ChangeResult.NotFound();
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (Check(invoice, input, today) is { } refused)
            {
                return refused;
            }

            invoice.Payments.Add(new Payment
            {
                Date = input.Date,
                Amount = input.Amount,
                Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = access.UserName ?? access.UserId,
            });
            invoice.PaidTotal += input.Amount;
            invoice.Status = InvoiceStatuses.Evaluate(invoice, today);
            invoice.UpdatedAt = clock.GetUtcNow();
            db.Publish(new PaymentReceived(invoice.Id, invoice.Payments.Count, invoice.CustomerId, invoice.Number!, input.Amount, invoice.Currency, input.Date, invoice.Status));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return ChangeResult.Saved(invoice.Id);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Read again and check against the other payment.
            }
            catch (DbUpdateConcurrencyException)
            {
                return InvoiceConflict.Result();
            }
        }
    }

    private static ChangeResult? Check(Invoice invoice, PaymentInput input, DateOnly today)
    {
        if (invoice.Kind != InvoiceKind.Invoice || invoice.Status == InvoiceStatus.Draft)
        {
            return ChangeResult.Invalid("", new Problem("Payments can be recorded only for issued invoices."));
        }

        if (invoice.Status == InvoiceStatus.Cancelled)
        {
            return ChangeResult.Invalid("", new Problem("This invoice was cancelled by a credit note."));
        }

        if (input.Date > today)
        {
            return ChangeResult.Invalid(nameof(input.Date), new Problem("A payment cannot be dated in the future."));
        }

        if (!InvoiceCalculator.FitsMinorUnits(input.Amount, invoice.Currency))
        {
            return ChangeResult.Invalid(nameof(input.Amount), new Problem("{0} amounts have at most {1} decimals.", invoice.Currency, MoneyFormat.MinorUnitsOf(invoice.Currency)));
        }

        if (input.Amount > invoice.Outstanding)
        {
            return ChangeResult.Invalid(nameof(input.Amount), new Problem("The payment is more than what is owed: {0}.", new Money(InvoiceCalculator.Normalize(invoice.Outstanding, invoice.Currency), invoice.Currency)));
        }

        return null;
    }
}
