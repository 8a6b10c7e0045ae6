using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Numbering;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// Issues drafts (invoices and credit notes) and makes credit notes. Issuing gives the next number of
/// the document's series and year in the same transaction as the change of state (see
/// <see cref="InvoiceNumberSequence"/>) and freezes the document.
/// </summary>
public sealed class InvoiceIssueService(
    IDbContextFactory<InvoicingDbContext> contexts,
    InvoiceDraftService drafts,
    CreditedTimeRelease creditedTime,
    ICustomerDirectory customers,
    InvoiceAccess access,
    IOptions<InvoicingSettings> settings,
    TimeProvider clock)
{
    private readonly TaxCatalog _taxes = settings.Value.CreateTaxCatalog();

    /// <summary>Issues a draft: gives it its number, its issue and due dates, and freezes it.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="version">The version the accountant looked at.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> IssueAsync(long invoiceId, Guid version, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may issue invoices and credit notes."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await InvoiceDraftService.LoadAsync(db, invoiceId, cancellationToken);
        if (draft is null)
        {
            return ChangeResult.NotFound();
        }

        if (!draft.IsDraft)
        {
            return ChangeResult.Invalid("", new Problem("This document was already issued as {0}.", draft.Number));
        }

        if (draft.RowVersion != version)
        {
            return InvoiceConflict.Result();
        }

        db.Entry(draft).Property(i => i.RowVersion).OriginalValue = version;
        if (draft.Kind == InvoiceKind.Invoice && await CheckTimeAsync(db, draft, cancellationToken) is { } timeProblem)
        {
            return timeProblem;
        }

        if (draft.Lines.Count == 0)
        {
            return ChangeResult.Invalid("", new Problem("Add at least one line before issuing."));
        }

        InvoiceTotalsUpdater.Apply(draft, _taxes);
        if (draft.GrossTotal <= 0)
        {
            return ChangeResult.Invalid("", new Problem("The total must be above zero."));
        }

        Invoice? credited = null;
        if (draft.Kind == InvoiceKind.CreditNote)
        {
            credited = await db.Invoices.FirstOrDefaultAsync(i => i.Id == draft.CreditedInvoiceId, cancellationToken);
            if (credited is null || credited.Status is InvoiceStatus.Draft or InvoiceStatus.Cancelled)
            {
                return ChangeResult.Invalid("", new Problem("The credited invoice is cancelled or no longer exists."));
            }

            var left = credited.GrossTotal - credited.CreditedTotal;
            if (draft.GrossTotal > left)
            {
                return ChangeResult.Invalid("", new Problem("A credit note cannot exceed what is left of the invoice: {0}.", new Money(InvoiceCalculator.Normalize(left, credited.Currency), credited.Currency)));
            }
        }

        if (await customers.GetAsync(draft.CustomerId, cancellationToken) is { } customer)
        {
            // The name the invoice is issued to, frozen from now on (its legal content).
            draft.CustomerName = customer.Name;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var series = InvoiceNumberSequence.SeriesOf(draft.Kind);
        await InvoiceNumberSequence.EnsureAsync(contexts, series, today.Year, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = await InvoiceNumberSequence.NextAsync(db, series, today.Year, cancellationToken);
        var format = InvoiceNumberFormat.Parse(draft.Kind == InvoiceKind.CreditNote ? settings.Value.CreditNoteNumberFormat : settings.Value.InvoiceNumberFormat);
        draft.Number = format.Format(today.Year, sequence);
        draft.SequenceYear = today.Year;
        draft.SequenceNumber = sequence;
        draft.Status = InvoiceStatus.Issued;
        draft.Date = today;
        draft.IssueDate = today;
        draft.DueDate = draft.Kind == InvoiceKind.Invoice ? today.AddDays(settings.Value.PaymentTermDays) : null;
        draft.IssuedAt = now;
        draft.IssuedBy = access.UserName ?? access.UserId;
        draft.UpdatedAt = now;
        if (credited is not null)
        {
            credited.CreditedTotal += draft.GrossTotal;
            credited.Status = InvoiceStatuses.Evaluate(credited, today);
            credited.UpdatedAt = now;
        }

        db.Publish(new InvoiceIssued(draft.Id, draft.CustomerId, draft.Kind, draft.Number, draft.GrossTotal, draft.Currency, today, draft.CreditedInvoiceId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return InvoiceConflict.Result();
        }

        if (credited is not null)
        {
            // Right away for the user; the invoicing.invoice-issued handler does it again, at least
            // once, so a failure here must not turn the committed issue into an error for the user.
            try
            {
                await creditedTime.ReleaseAsync(draft.Id, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Left to the event handler.
            }
        }

        return ChangeResult.Saved(draft.Id);
    }

    /// <summary>Makes a credit note draft for an issued invoice: all its lines, or the chosen ones.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="input">The lines and the reason.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome, with the credit note's id.</returns>
    public async Task<ChangeResult> CreateCreditNoteAsync(long invoiceId, CreditNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may issue invoices and credit notes."));
        }

        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return ChangeResult.NotFound();
        }

        if (invoice.Kind != InvoiceKind.Invoice || invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Cancelled)
        {
            return ChangeResult.Invalid("", new Problem("Only an issued invoice that is not cancelled can be credited."));
        }

        var chosen = input.LineIds is { Count: > 0 } ids ? ids.Distinct().ToList() : [.. invoice.Lines.Select(l => l.Id)];
        if (chosen.Any(id => invoice.Lines.All(l => l.Id != id)))
        {
            return ChangeResult.Invalid(nameof(input.LineIds), new Problem("Choose lines of this invoice."));
        }

        var creditNotes = db.Invoices.Where(c => c.CreditedInvoiceId == invoiceId).Select(c => c.Id);
        var alreadyCredited = await db.Lines.Where(l => creditNotes.Contains(l.InvoiceId) && l.CreditedLineId != null)
            .Select(l => l.CreditedLineId!.Value).ToListAsync(cancellationToken);
        if (chosen.FirstOrDefault(alreadyCredited.Contains) is var twice and > 0)
        {
            var line = invoice.Lines.First(l => l.Id == twice);
            return ChangeResult.Invalid(nameof(input.LineIds), new Problem("Line {0} ({1}) is already on another credit note.", line.Position, line.Description));
        }

        var now = clock.GetUtcNow();
        var credit = new Invoice
        {
            Kind = InvoiceKind.CreditNote,
            Status = InvoiceStatus.Draft,
            CustomerId = invoice.CustomerId,
            CustomerName = invoice.CustomerName,
            Currency = invoice.Currency,
            Date = DateOnly.FromDateTime(now.UtcDateTime),
            Grouping = invoice.Grouping,
            TaxProfile = invoice.TaxProfile,
            PricesIncludeTax = invoice.PricesIncludeTax,
            CreditedInvoiceId = invoice.Id,
            PeriodFrom = invoice.PeriodFrom,
            PeriodTo = invoice.PeriodTo,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var line in invoice.Lines.Where(l => chosen.Contains(l.Id)).OrderBy(l => l.Position))
        {
            credit.Lines.Add(new InvoiceLine
            {
                Position = line.Position,
                Kind = line.Kind,
                Description = line.Description,
                Quantity = line.Quantity,
                Minutes = line.Minutes,
                UnitPrice = line.UnitPrice,
                TaxProfile = line.TaxProfile,
                GroupKey = line.GroupKey,
                CreditedLineId = line.Id,
            });
        }

        InvoiceTotalsUpdater.Renumber(credit);
        InvoiceTotalsUpdater.Apply(credit, _taxes);
        db.Invoices.Add(credit);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(credit.Id);
    }

    private async Task<ChangeResult?> CheckTimeAsync(InvoicingDbContext db, Invoice draft, CancellationToken cancellationToken)
    {
        if (await drafts.ReconcileTimeAsync(draft, cancellationToken))
        {
            // It showed other time than it bills (a crash between the two saves): shown again as it is, to be looked at before issuing.
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return InvoiceConflict.Result();
            }

            return ChangeResult.Conflict(new Problem("The time this draft bills changed; check it and issue it again."));
        }

        if (draft.TimeEntries.FirstOrDefault(t => t.HourlyRate is null) is { } unpriced)
        {
            return ChangeResult.Invalid("", new Problem("The time of {0} on {1:d} ({2}) has no hourly rate; set a rate on the project or remove the line.", unpriced.PersonName, unpriced.Date, unpriced.ProjectName));
        }

        return null;
    }
}
