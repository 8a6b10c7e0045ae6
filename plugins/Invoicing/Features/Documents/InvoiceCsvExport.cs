using System.Buffers;
using System.Globalization;
using System.Text;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Documents;

/// <summary>
/// The CSV export for the books: one row per issued invoice or credit note dated in a period (date,
/// number, kind, customer, currency, net per tax profile, tax per rate, gross). Credit notes are
/// negative. Columns are the tax profiles and rates that occur in the period, in a stable order.
/// Written like the core's customer export: UTF-8 with a byte order mark, CRLF, quoted where needed,
/// values a spreadsheet would run as a formula prefixed with an apostrophe (CSV injection), and no
/// control or direction character (<see cref="UserText.Clean"/>: a name stored before the rule may hold one).
/// </summary>
public sealed class InvoiceCsvExport(IDbContextFactory<InvoicingDbContext> contexts, InvoiceAccess access)
{
    /// <summary>UTF-8 with a byte order mark, so that spreadsheets read Tamil or Georgian names correctly.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789 ().-/");

    /// <summary>Writes the export of a period.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="writer">Where the CSV is written.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task WriteAsync(DateOnly from, DateOnly to, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var documents = await db.Invoices.AsNoTracking().Include(i => i.TaxTotals)
            .Where(i => i.Status != InvoiceStatus.Draft && i.Date >= from && i.Date <= to)
            .OrderBy(i => i.Date).ThenBy(i => i.Kind).ThenBy(i => i.SequenceNumber)
            .ToListAsync(cancellationToken);
        var profiles = documents.SelectMany(d => d.TaxTotals).Select(t => (t.TaxProfile, t.ProfileName)).Distinct()
            .OrderBy(p => p.TaxProfile, StringComparer.Ordinal).ToList();
        var rates = documents.SelectMany(d => d.TaxTotals).Select(t => (t.TaxProfile, t.Component, t.Rate)).Distinct()
            .OrderBy(r => r.TaxProfile, StringComparer.Ordinal).ThenBy(r => r.Component, StringComparer.Ordinal).ThenBy(r => r.Rate).ToList();

        var header = new List<string> { "Date", "Number", "Kind", "Customer", "Currency" };
        header.AddRange(profiles.Select(p => $"Net {p.ProfileName}"));
        header.AddRange(rates.Select(r => $"{r.Component} {(r.Rate * 100).ToString("0.##", CultureInfo.InvariantCulture)}% ({r.TaxProfile})"));
        header.Add("Gross");
        await writer.WriteAsync(Row(header));
        foreach (var document in documents)
        {
            var sign = document.Kind == InvoiceKind.CreditNote ? -1 : 1;
            string Amount(decimal value) => InvoiceCalculator.Normalize(sign * value, document.Currency).ToString(CultureInfo.InvariantCulture);
            var cells = new List<string>
            {
                (document.IssueDate ?? document.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                document.Number ?? string.Empty,
                document.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice",
                document.CustomerName,
                document.Currency,
            };
            cells.AddRange(profiles.Select(p => document.TaxTotals.FirstOrDefault(t => t.TaxProfile == p.TaxProfile) is { } t ? Amount(t.Base) : string.Empty));
            cells.AddRange(rates.Select(r => document.TaxTotals.FirstOrDefault(t => t.TaxProfile == r.TaxProfile && t.Component == r.Component && t.Rate == r.Rate) is { } t ? Amount(t.Tax) : string.Empty));
            cells.Add(Amount(document.GrossTotal));
            await writer.WriteAsync(Row(cells));
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A value as a CSV cell, the core's way: a value a spreadsheet would run as a formula (=, @, tab,
    /// or + and - not followed by a plain number) gets a leading apostrophe; quoted when it holds a
    /// comma, a quotation mark, a semicolon, a line break or surrounding spaces. Amounts such as -12.50 stay as they are.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Quote(string? value)
    {
        value = UserText.Clean(value, TextKind.Multiline);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (value[0] is '=' or '@' or '\t' or '\r' || (value[0] is '+' or '-' && (value.Length == 1 || value.AsSpan(1).ContainsAnyExcept(NumberCharacters))))
        {
            value = "'" + value;
        }

        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n;") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return needsQuotes ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
    }

    private static string Row(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote)) + "\r\n";
}
