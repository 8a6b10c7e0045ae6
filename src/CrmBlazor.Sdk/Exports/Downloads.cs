using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Sdk.Exports;

/// <summary>
/// Sends files to save from an endpoint: the attachment header with the file's name (any script), and CSV or
/// Excel files written with <see cref="CsvWriter"/> and <see cref="ExcelWriter"/>. Read and check everything
/// before calling these (a refusal must still be a 403 or a problem, not half a file).
/// </summary>
/// <example>
/// <code>
/// var rows = await export.RowsAsync(id, context.RequestAborted);   // may throw UnauthorizedAccessException → 403
/// await Downloads.CsvAsync(context.Response, $"survey-{id}-answers.csv", rows, context.RequestAborted);
/// </code>
/// </example>
public static class Downloads
{
    /// <summary>
    /// Marks a response as a file to save: its content type, and <c>Content-Disposition: attachment</c> with the
    /// file name both as an ASCII fallback and in UTF-8 (<c>filename*</c>), so a Tamil or Urdu name survives.
    /// </summary>
    /// <param name="response">The response, not yet started.</param>
    /// <param name="contentType">The file's media type.</param>
    /// <param name="fileName">The name to save the file under.</param>
    public static void Attachment(HttpResponse response, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        response.ContentType = contentType;
        response.Headers.ContentDisposition = header.ToString();
    }

    /// <summary>Sends rows read beforehand as a CSV file to save (<see cref="CsvWriter"/>: UTF-8 with a byte order mark, no formulas).</summary>
    /// <param name="response">The response, not yet started.</param>
    /// <param name="fileName">The name to save the file under.</param>
    /// <param name="rows">The rows, the header row first; null is an empty cell.</param>
    /// <param name="cancellationToken">Cancels the write (the request's <c>RequestAborted</c>).</param>
    public static async Task CsvAsync(HttpResponse response, string fileName, IEnumerable<IEnumerable<string?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Attachment(response, CsvWriter.ContentType, fileName);
        await using var csv = new CsvWriter(response.Body);
        foreach (var row in rows)
        {
            await csv.WriteRowAsync(row, cancellationToken);
        }
    }

    /// <summary>
    /// Sends an Excel workbook of one sheet to save (<see cref="ExcelWriter"/>). The workbook is written to a
    /// temporary file (deleted on close), then streamed with its length: flat memory whatever the number of rows.
    /// </summary>
    /// <param name="response">The response, not yet started.</param>
    /// <param name="fileName">The name to save the file under.</param>
    /// <param name="sheetName">The sheet's name (see <see cref="ExcelWriter.WriteAsync"/>).</param>
    /// <param name="headers">The header row.</param>
    /// <param name="pages">The rows, a page at a time.</param>
    /// <param name="cancellationToken">Cancels the export (the request's <c>RequestAborted</c>).</param>
    public static async Task ExcelAsync(HttpResponse response, string fileName, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string?>>> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "crm-export-" + Guid.NewGuid().ToString("N") + ".xlsx"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await ExcelWriter.WriteAsync(file, sheetName, headers, pages, cancellationToken);
        file.Position = 0;
        Attachment(response, ExcelWriter.ContentType, fileName);
        response.ContentLength = file.Length;
        await file.CopyToAsync(response.Body, cancellationToken);
    }
}
