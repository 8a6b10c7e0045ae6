using System.Text;
using CrmBlazor.Sdk.Exports;

namespace CrmBlazor.Host.Features.Import;

/// <summary>A record of a CSV file.</summary>
/// <param name="Number">The row number as a spreadsheet shows it: the header is row 1, blank rows count.</param>
/// <param name="Cells">The cells, unquoted, as written (not trimmed).</param>
public sealed record CsvRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>
    /// The cell in a column, or an empty string when the row is shorter. The apostrophe an export puts
    /// before a value that looks like a formula is removed (see <see cref="CsvWriter.FormatCell"/>).
    /// </summary>
    /// <param name="column">The zero-based column.</param>
    public string Cell(int column) => CsvWriter.RemoveFormulaMark(column < Cells.Count ? Cells[column] : string.Empty);
}

/// <summary>A CSV file read into memory: the header row and the data rows.</summary>
/// <param name="Headers">The header row's cells, trimmed.</param>
/// <param name="Rows">The data rows, blank rows left out.</param>
/// <param name="Separator">The separator found in the header row.</param>
public sealed record CsvDocument(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows, char Separator);

/// <summary>The outcome of reading a file: the document, or why it could not be read.</summary>
/// <param name="Document">The document, when it could be read.</param>
/// <param name="Error">Why not, otherwise.</param>
public sealed record CsvReadResult(CsvDocument? Document, ImportMessage? Error);

/// <summary>
/// Reads the CSV files people save from spreadsheets and other CRMs: UTF-8 with or without a byte
/// order mark (or UTF-16 with one), comma, semicolon or tab as separator (whichever the header row
/// uses most; a first line <c>sep=;</c> as Excel writes it is honoured), quoted cells with doubled
/// quotes and line breaks inside, and Windows, Unix or old Mac line ends.
/// </summary>
/// <remarks>
/// Text is decoded strictly: a file in a legacy code page is refused with a message instead of being
/// imported with garbled names, which in Tamil or Georgian nobody would notice until too late.
/// </remarks>
public static class CustomerCsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file's content.</summary>
    /// <param name="content">The bytes as uploaded.</param>
    public static CsvReadResult Read(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = Decode(content);
        }
        catch (DecoderFallbackException)
        {
            return Failed(ImportMessage.Of("The file is not UTF-8 text. Save it as \"CSV UTF-8\" in your spreadsheet program and upload it again."));
        }

        return Parse(text);
    }

    /// <summary>Reads text already decoded.</summary>
    /// <param name="text">The file's text.</param>
    public static CsvReadResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var separator = ExcelSeparatorLine(text, ref start) ?? DetectSeparator(text, start);

        var records = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        var number = 1;
        var i = start;

        void EndCell()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            quoted = false;
        }

        void EndRecord()
        {
            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                records.Add(new CsvRow(number, [.. cells]));
            }

            cells.Clear();
            number++;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else
                {
                    cell.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && cell.Length == 0 && !quoted)
            {
                inQuotes = quoted = true;
            }
            else if (c == separator)
            {
                EndCell();
            }
            else if (c is '\r' or '\n')
            {
                EndCell();
                EndRecord();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                cell.Append(c);
            }

            i++;
        }

        if (inQuotes)
        {
            return Failed(ImportMessage.Of(
                "Row {0} has a quoted value that never ends: a closing quotation mark is missing.", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (cell.Length > 0 || quoted || cells.Count > 0)
        {
            EndCell();
            EndRecord();
        }

        if (records.Count == 0)
        {
            return Failed(ImportMessage.Of("The file is empty: it needs a header row with the column names and a row per customer or contact."));
        }

        var headers = records[0].Cells.Select(h => h.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0)
        {
            headers.RemoveAt(headers.Count - 1);
        }

        return new CsvReadResult(new CsvDocument(headers, records.Skip(1).ToList(), separator), null);
    }

    private static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\xEF\xBB\xBF"u8))
        {
            return StrictUtf8.GetString(content[3..]);
        }

        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(content[2..]);
        }

        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(content[2..]);
        }

        return StrictUtf8.GetString(content);
    }

    // Excel writes "sep=;" as the first line when asked to; it names the separator and is no header.
    private static char? ExcelSeparatorLine(string text, ref int start)
    {
        if (text.Length - start < 5 || !text.AsSpan(start, 4).Equals("sep=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = start + 5;
        if (end < text.Length && text[end] is not ('\r' or '\n'))
        {
            return null;
        }

        var separator = text[start + 4];
        while (end < text.Length && text[end] is '\r' or '\n')
        {
            end++;
        }

        start = end;
        return separator;
    }

    // The separator is the candidate the header row uses most, outside quotes; a comma when none.
    private static char DetectSeparator(string text, int start)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }

                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private static CsvReadResult Failed(ImportMessage message) => new(null, message);
}
