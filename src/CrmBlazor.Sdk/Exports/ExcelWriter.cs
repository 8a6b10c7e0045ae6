using System.Collections.Concurrent;
using CrmBlazor.Sdk.Results;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace CrmBlazor.Sdk.Exports;

/// <summary>
/// Writes rows into an Excel workbook (.xlsx), the one way the host and plugins write Excel (the customer
/// export, a survey's answers). Rows are streamed into the file with MiniExcel instead of building the workbook
/// in memory. Every cell is text, so phone numbers, postal codes with leading zeros and keys stay exactly as
/// stored; control and direction characters the CRM refuses (<see cref="UserText"/>) are left out, as in the
/// CSV files of <see cref="CsvWriter"/> (the workbook's XML could not hold most of them). Headers may repeat
/// (two questions with the same text): columns are told apart by position, not by name.
/// </summary>
/// <remarks>
/// A workbook is a zip file finished by seeking back: <see cref="WriteAsync"/> needs a seekable stream, and
/// <see cref="Downloads.ExcelAsync"/> writes through a temporary file to send it as a download.
/// </remarks>
public static class ExcelWriter
{
    /// <summary>The media type of .xlsx files.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes a workbook of one sheet: the header row, then the rows. MiniExcel enumerates synchronously, so
    /// the pages are read on this side and handed over through a queue of two pages: memory stays flat.
    /// </summary>
    /// <param name="destination">A seekable stream (a temporary file): the zip format is finished by seeking back.</param>
    /// <param name="sheetName">The sheet's name (at most 31 characters, none of <c>[]:*?/\</c>).</param>
    /// <param name="headers">The header row.</param>
    /// <param name="pages">The rows, a page at a time; each row has a cell per header (null is an empty cell).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public static async Task WriteAsync(Stream destination, string sheetName, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string?>>> pages,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(pages);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<IReadOnlyList<IReadOnlyList<string?>>>(boundedCapacity: 2);
        var writing = Task.Run(
            () =>
            {
                try
                {
                    MiniExcel.SaveAs(destination, Rows(headers, queue.GetConsumingEnumerable(stop.Token)), printHeader: false, sheetName, ExcelType.XLSX,
                        new OpenXmlConfiguration { EnableAutoWidth = false, FastMode = true });
                }
                catch
                {
                    // The reader below must not wait forever for room in the queue.
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var page in pages.WithCancellation(stop.Token))
            {
                queue.Add(page, stop.Token);
            }
        }
        catch (OperationCanceledException) when (writing.IsFaulted)
        {
            // The writer failed; its exception is the one to report.
        }
        finally
        {
            queue.CompleteAdding();
        }

        await writing;
    }

    // The header row first, as a row like the others: MiniExcel takes its columns from the first row's keys,
    // which are the columns' positions, so equal headers do not collide.
    private static IEnumerable<IDictionary<string, object>> Rows(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<IReadOnlyList<string?>>> pages)
    {
        var keys = Enumerable.Range(0, headers.Count).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        yield return Row(keys, headers);
        foreach (var page in pages)
        {
            foreach (var cells in page)
            {
                yield return Row(keys, cells);
            }
        }
    }

    private static Dictionary<string, object> Row(string[] keys, IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            row[keys[i]] = UserText.Clean(i < cells.Count ? cells[i] : null, TextKind.Multiline);
        }

        return row;
    }
}
