using System.Globalization;
using CrmBlazor.Sdk.Exports;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Plugins.Invoicing.Features.Documents;

/// <summary>
/// The plugin's downloads, mapped under <c>/invoicing</c> (see <c>IPluginBuilder.MapEndpoints</c>):
/// <c>GET /invoicing/invoices/{id}.pdf</c> (inline for the browser's preview; <c>?download=true</c> as
/// an attachment), <c>GET /invoicing/invoices/{id}/sent/{n}.pdf</c> (the PDF the n-th sending attached,
/// byte for byte), <c>GET /invoicing/invoices/export.zip?from=&amp;to=</c> (a period's PDFs) and
/// <c>GET /invoicing/invoices/export.csv?from=&amp;to=</c> (the export for the books). Each needs
/// <see cref="InvoicingPermissions.View"/>, checked by the policy and again by the services; refused
/// requests get 403, unknown documents 404, bad periods and values 400 with a problem naming them (the
/// host gives every error of a plugin endpoint a problem-details body).
/// </summary>
public static class InvoiceEndpoints
{
    /// <summary>Maps the endpoints on the plugin's route group.</summary>
    /// <param name="endpoints">The plugin's route group (<c>/invoicing</c>).</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Downloads, not pages: refused with 401/403 rather than a redirect to the sign-in page.
        var invoices = endpoints.MapGroup("/invoices").RequireAuthorization(InvoicingPermissions.View).DisableCookieRedirect();
        invoices.MapGet("/{id:long}.pdf", PdfAsync);
        invoices.MapGet("/{id:long}/sent/{position:int}.pdf", SentPdfAsync);
        invoices.MapGet("/export.zip", ZipAsync);
        invoices.MapGet("/export.csv", CsvAsync);
    }

    private static async Task PdfAsync(HttpContext context, long id, [FromQuery] string? download, InvoiceDocuments documents)
    {
        var address = new AddressQuery();
        var attachment = address.Flag("download", download) == true;
        if (address.Refusal() is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        // Rendered to memory first: a refusal or a missing document must still be answered with a status code.
        await using var pdf = new MemoryStream();
        string? name;
        try
        {
            name = await documents.RenderAsync(id, pdf, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (name is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/pdf";
        context.Response.ContentLength = pdf.Length;
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(attachment ? "attachment" : "inline") { FileNameStar = name }.ToString();
        pdf.Position = 0;
        await pdf.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task SentPdfAsync(HttpContext context, long id, int position, Sending.InvoiceSendService sender)
    {
        (string FileName, byte[] Pdf)? sent;
        try
        {
            sent = await sender.SentPdfAsync(id, position, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (sent is not { } found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Downloads.Attachment(context.Response, "application/pdf", found.FileName);
        context.Response.ContentLength = found.Pdf.Length;
        await context.Response.Body.WriteAsync(found.Pdf, context.RequestAborted);
    }

    private static async Task ZipAsync(HttpContext context, [FromQuery] string? from, [FromQuery] string? to, InvoiceDocuments documents)
    {
        var (period, refusal) = Period(from, to);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        try
        {
            Downloads.Attachment(context.Response, "application/zip", FileName(period, "zip"));
            await documents.WriteZipAsync(period.From, period.To, context.Response.Body, context.RequestAborted);
        }
        catch (UnauthorizedAccessException) when (!context.Response.HasStarted)
        {
            context.Response.Headers.ContentDisposition = default;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    private static async Task CsvAsync(HttpContext context, [FromQuery] string? from, [FromQuery] string? to, InvoiceCsvExport export)
    {
        var (period, refusal) = Period(from, to);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        // Read before anything is written (one row per document of the period), so a refusal is still a 403.
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            rows = await export.RowsAsync(period.From, period.To, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await Downloads.CsvAsync(context.Response, FileName(period, "csv"), rows, context.RequestAborted);
    }

    // Both days required, the first not after the last; each refused by name with what it should be.
    private static ((DateOnly From, DateOnly To) Period, IResult? Refusal) Period(string? from, string? to)
    {
        var address = new AddressQuery();
        var first = address.Day("from", from);
        var last = address.Day("to", to);
        if (string.IsNullOrWhiteSpace(from))
        {
            address.Refuse("from", null, "the period's first day, written yyyy-MM-dd");
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            address.Refuse("to", null, "the period's last day, written yyyy-MM-dd");
        }

        if (first > last)
        {
            address.Refuse("to", to, "a day on or after from");
        }

        return ((first ?? default, last ?? default), address.Refusal());
    }

    private static string FileName((DateOnly From, DateOnly To) period, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"invoices-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.{extension}");
}
