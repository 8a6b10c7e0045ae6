using System.Globalization;
using System.IO.Compression;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Documents;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.Documents;

/// <summary>The PDF of one document, or of every document of a period in one zip file, for users who may see invoices.</summary>
public sealed class InvoiceDocuments(
    IDbContextFactory<InvoicingDbContext> contexts,
    InvoiceQueries queries,
    InvoiceAccess access,
    IPdfRenderer renderer,
    IOptions<InvoicingSettings> settings)
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(settings.Value.DocumentCulture);

    /// <summary>Renders a document's PDF.</summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="output">Where the PDF is written.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The file name (its number, or <c>draft-17.pdf</c>), or null when there is no such document.</returns>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<string?> RenderAsync(long invoiceId, Stream output, CancellationToken cancellationToken = default)
    {
        await DemandViewAsync(cancellationToken);
        var invoice = await queries.LoadAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        await RenderAsync(invoice, output, cancellationToken);
        return FileNameOf(invoice);
    }

    /// <summary>
    /// Renders a document's PDF exactly as <see cref="RenderAsync(long, Stream, CancellationToken)"/> does, for
    /// the plugin's own background work that has no user (sending a run's invoice when it is issued).
    /// </summary>
    /// <param name="invoiceId">The document.</param>
    /// <param name="output">Where the PDF is written.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <returns>The file name, or null when there is no such document.</returns>
    internal async Task<string?> RenderForJobAsync(long invoiceId, Stream output, CancellationToken cancellationToken)
    {
        var invoice = await queries.LoadAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        await RenderAsync(invoice, output, cancellationToken);
        return FileNameOf(invoice);
    }

    /// <summary>Builds a document's PDF layout (for previews and tests).</summary>
    /// <param name="invoice">The document, loaded with its parts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Document> BuildAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        string? credited = null;
        if (invoice.CreditedInvoiceId is { } creditedId)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            credited = await db.Invoices.Where(i => i.Id == creditedId).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken);
        }

        var pageSize = settings.Value.PageSize == "Letter" ? PageSize.Letter : PageSize.A4;
        return InvoiceDocumentBuilder.Build(invoice, await LetterheadAsync(cancellationToken), _culture, pageSize, credited);
    }

    /// <summary>
    /// Writes the PDFs of every issued invoice and credit note dated in a period as one zip file. The
    /// zip is assembled in a temporary file (deleted on close) and then copied to <paramref name="output"/>
    /// asynchronously, so memory stays flat whatever the number of invoices.
    /// </summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="output">Where the zip is written.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many documents the zip holds.</returns>
    /// <exception cref="UnauthorizedAccessException">The user may not see invoices.</exception>
    public async Task<int> WriteZipAsync(DateOnly from, DateOnly to, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await DemandViewAsync(cancellationToken);
        List<long> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Invoices.AsNoTracking()
                .Where(i => i.Status != InvoiceStatus.Draft && i.Date >= from && i.Date <= to)
                .OrderBy(i => i.Date).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "crm-invoices-" + Guid.NewGuid().ToString("N") + ".zip"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var id in ids)
            {
                var invoice = await queries.LoadAsync(id, cancellationToken);
                if (invoice is null)
                {
                    continue;
                }

                // PDF content is compressed already; storing it keeps the zip fast to write.
                var entry = zip.CreateEntry(FileNameOf(invoice), CompressionLevel.NoCompression);
                await using var pdf = new MemoryStream();
                await RenderAsync(invoice, pdf, cancellationToken);
                pdf.Position = 0;
                await using var target = entry.Open();
                await pdf.CopyToAsync(target, cancellationToken);
            }
        }

        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
        return ids.Count;
    }

    /// <summary>The file name of a document's PDF.</summary>
    /// <param name="invoice">The document.</param>
    public static string FileNameOf(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var name = invoice.Number ?? string.Create(CultureInfo.InvariantCulture, $"draft-{invoice.Id}");
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '/' or '\\' ? '-' : c)) + ".pdf";
    }

    private async Task RenderAsync(Invoice invoice, Stream output, CancellationToken cancellationToken) =>
        await renderer.RenderAsync(await BuildAsync(invoice, cancellationToken), output, cancellationToken);

    private async Task<Letterhead> LetterheadAsync(CancellationToken cancellationToken)
    {
        var value = settings.Value;
        ReadOnlyMemory<byte>? logo = null;
        if (!string.IsNullOrWhiteSpace(value.LogoPath))
        {
            var path = Path.IsPathRooted(value.LogoPath) ? value.LogoPath : Path.Combine(AppContext.BaseDirectory, value.LogoPath);
            if (File.Exists(path))
            {
                logo = await File.ReadAllBytesAsync(path, cancellationToken);
            }
        }

        var address = (value.FirmAddress ?? string.Empty).Split(['\n', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Letterhead(value.FirmName, address, value.FirmTaxId, logo);
    }

    private async Task DemandViewAsync(CancellationToken cancellationToken)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }
    }
}
