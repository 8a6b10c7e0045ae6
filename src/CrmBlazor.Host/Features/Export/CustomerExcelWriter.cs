using System.Collections.Concurrent;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace CrmBlazor.Host.Features.Export;

/// <summary>
/// Writes export rows into an Excel workbook with MiniExcel, which streams rows into the file instead
/// of building the workbook in memory. Every cell is text, so phone numbers, postal codes with leading
/// zeros and customer keys stay exactly as stored; control and direction characters the CRM refuses
/// (<see cref="UserText"/>) are left out, as in the CSV export (the workbook's XML could not hold most of them).
/// </summary>
public static class CustomerExcelWriter
{
    /// <summary>The content type of .xlsx files.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheet's name.</summary>
    public const string SheetName = "Customers";

    /// <summary>
    /// Writes the workbook to a seekable stream. MiniExcel enumerates synchronously, so the pages are
    /// read on this side and handed over through a queue of two pages: memory stays flat.
    /// </summary>
    /// <param name="destination">A seekable stream (a temporary file): the zip format is finished by seeking back.</param>
    /// <param name="headers">The header row.</param>
    /// <param name="pages">The rows, a page at a time.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    public static async Task WriteAsync(Stream destination, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string[]>> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<IReadOnlyList<string[]>>(boundedCapacity: 2);
        var writing = Task.Run(
            () =>
            {
                try
                {
                    MiniExcel.SaveAs(destination, Rows(headers, queue.GetConsumingEnumerable(stop.Token)), printHeader: true, SheetName, ExcelType.XLSX,
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

    private static IEnumerable<IDictionary<string, object>> Rows(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string[]>> pages)
    {
        var rows = 0;
        foreach (var page in pages)
        {
            foreach (var cells in page)
            {
                var row = new Dictionary<string, object>(headers.Count, StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    row[headers[i]] = UserText.Clean(cells[i], TextKind.Multiline);
                }

                rows++;
                yield return row;
            }
        }

        // MiniExcel takes the columns from the first row: an empty export still gets its header row.
        if (rows == 0)
        {
            yield return headers.ToDictionary(h => h, _ => (object)string.Empty, StringComparer.Ordinal);
        }
    }
}
