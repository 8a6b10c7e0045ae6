using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Numbering;

/// <summary>
/// Gives the next number of a series and year inside the caller's transaction.
/// </summary>
/// <remarks>
/// The number is taken with one <c>UPDATE … SET LastNumber = LastNumber + 1</c> on the sequence row,
/// inside the transaction that also issues the document. The update locks the row until that
/// transaction ends (PostgreSQL row lock; SQLite's single writer), so a second issuer waits and then
/// reads the next value: no two documents get the same number. If the issuing transaction rolls back,
/// the increment rolls back with it: no number is skipped. Nothing else ever decrements the row: no
/// number is reused. The row of a new year is created beforehand in its own short transaction
/// (<see cref="EnsureAsync"/>); two creators racing is harmless (the loser's insert fails on the key
/// and it carries on with the winner's row).
/// </remarks>
public static class InvoiceNumberSequence
{
    /// <summary>The series of invoices.</summary>
    public const string Invoices = "invoice";

    /// <summary>The series of credit notes.</summary>
    public const string CreditNotes = "credit-note";

    /// <summary>The series of a kind of document.</summary>
    /// <param name="kind">The kind.</param>
    public static string SeriesOf(InvoiceKind kind) => kind == InvoiceKind.CreditNote ? CreditNotes : Invoices;

    /// <summary>Creates the row of a series and year if it does not exist yet (outside the issuing transaction).</summary>
    /// <param name="contexts">Creates a short-lived context.</param>
    /// <param name="series">The series.</param>
    /// <param name="year">The year.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task EnsureAsync(IDbContextFactory<InvoicingDbContext> contexts, string series, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.NumberSequences.AnyAsync(s => s.Series == series && s.Year == year, cancellationToken))
        {
            return;
        }

        db.NumberSequences.Add(new NumberSequence { Series = series, Year = year, LastNumber = 0 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another issuer may have created it first; anything else fails again here.
            if (!await ExistsAsync(contexts, series, year, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>Takes the next number of a series and year. Call inside the issuing transaction, after <see cref="EnsureAsync"/>.</summary>
    /// <param name="db">The context whose transaction issues the document.</param>
    /// <param name="series">The series.</param>
    /// <param name="year">The year.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The position in the year's sequence, from 1.</returns>
    public static async Task<long> NextAsync(InvoicingDbContext db, string series, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A number must be taken inside the transaction that issues the document.");
        }

        var updated = await db.NumberSequences
            .Where(s => s.Series == series && s.Year == year)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastNumber, s => s.LastNumber + 1), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The number sequence {series} {year} does not exist.");
        }

        return await db.NumberSequences.AsNoTracking()
            .Where(s => s.Series == series && s.Year == year)
            .Select(s => s.LastNumber)
            .SingleAsync(cancellationToken);
    }

    private static async Task<bool> ExistsAsync(IDbContextFactory<InvoicingDbContext> contexts, string series, int year, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.NumberSequences.AnyAsync(s => s.Series == series && s.Year == year, cancellationToken);
    }
}
