using System.Globalization;

namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>The addresses of the plugin's pages and downloads, in one place (always absolute paths).</summary>
public static class InvoiceLinks
{
    /// <summary>The invoice list.</summary>
    public const string List = "/invoices";

    /// <summary>The monthly invoice runs.</summary>
    public const string Runs = "/invoices/runs";

    /// <summary>A document's page.</summary>
    /// <param name="invoiceId">The document.</param>
    public static string Invoice(long invoiceId) => FormattableString.Invariant($"/invoices/{invoiceId}");

    /// <summary>The page that makes a new draft, for a customer when given.</summary>
    /// <param name="customerId">The customer, or null.</param>
    public static string New(long? customerId = null) =>
        customerId is { } id ? FormattableString.Invariant($"/invoices/new?customer={id}") : "/invoices/new";

    /// <summary>A document's PDF: shown in the browser (<paramref name="inline"/>) or downloaded.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="inline">Whether the browser shows it instead of saving it.</param>
    public static string Pdf(long invoiceId, bool inline = false) =>
        FormattableString.Invariant($"/invoicing/invoices/{invoiceId}.pdf") + (inline ? string.Empty : "?download=true");

    /// <summary>The PDF a sending attached, exactly as the customer received it (a download).</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="position">The sending (1 for the first).</param>
    public static string SentPdf(long invoiceId, int position) =>
        FormattableString.Invariant($"/invoicing/invoices/{invoiceId}/sent/{position}.pdf");

    /// <summary>The PDFs of the documents issued in a period, as one zip file.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    public static string PeriodZip(DateOnly from, DateOnly to) => "/invoicing/invoices/export.zip" + Period(from, to);

    /// <summary>The CSV for the books of a period.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    public static string BooksCsv(DateOnly from, DateOnly to) => "/invoicing/invoices/export.csv" + Period(from, to);

    private static string Period(DateOnly from, DateOnly to) =>
        "?from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
