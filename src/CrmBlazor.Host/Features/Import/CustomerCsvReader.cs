using System.Globalization;
using System.Text;
using CrmBlazor.Sdk.Exports;
using nietras.SeparatedValues;

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
/// The rows and cells are read by Sep (<c>nietras.SeparatedValues</c>); this class decodes the text,
/// finds the separator, numbers the rows as a spreadsheet does and refuses the two things Sep would read
/// differently from a spreadsheet: a quoted value that never ends and a quotation mark in the middle of
/// a value that is not in quotes.
/// <para>Text is decoded strictly: a file in a legacy code page is refused with a message instead of being
/// imported with garbled names, which in Tamil or Georgian nobody would notice until too late.</para>
/// </remarks>
public static class CustomerCsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private enum QuoteProblem
    {
        None,
        NeverEnds,
        InsideValue,
    }

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
        using var reader = separator.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text[start..]);
        foreach (var row in reader)
        {
            // Row 1 is the header; blank rows and the lines of a quoted line break count as a spreadsheet counts them.
            var number = (row.RowIndex + 1).ToString(CultureInfo.InvariantCulture);
            switch (QuoteProblemOf(row.Span, separator.Separator))
            {
                case QuoteProblem.NeverEnds:
                    return Failed(ImportMessage.Of("Row {0} has a quoted value that never ends: a closing quotation mark is missing.", number));
                case QuoteProblem.InsideValue:
                    return Failed(ImportMessage.Of(
                        "Row {0} has a quotation mark inside a value that does not start with one. Put the whole value in quotation marks and write each quotation mark in it twice, or save the file again from your spreadsheet program.",
                        number));
            }

            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                records.Add(new CsvRow(row.RowIndex + 1, cells));
            }
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

        return new CsvReadResult(new CsvDocument(headers, records.Skip(1).ToList(), separator.Separator), null);
    }

    /// <summary>
    /// What Sep would read differently from a spreadsheet. Sep takes every quotation mark as opening or
    /// closing a quoted part; a spreadsheet only one at the start of a value, and any other as a
    /// character. So a file typed by hand with <c>24" monitor</c> in a value that is not in quotes
    /// would have its values or rows joined up to the next quotation mark: that, and a quoted value
    /// that never ends (Sep reads it to the end of the file), is refused with the row's number.
    /// </summary>
    /// <param name="row">The row as written, before Sep removes its quotes.</param>
    /// <param name="separator">The separator.</param>
    private static QuoteProblem QuoteProblemOf(ReadOnlySpan<char> row, char separator)
    {
        if (!row.Contains('"'))
        {
            return QuoteProblem.None;
        }

        bool inQuotes = false, atValueStart = true, valueQuoted = false;
        foreach (var c in row)
        {
            if (c == '"')
            {
                valueQuoted |= atValueStart;
                inQuotes = !inQuotes;
            }
            else if (inQuotes && !valueQuoted && (c == separator || c is '\r' or '\n'))
            {
                return QuoteProblem.InsideValue;
            }
            else if (!inQuotes && c == separator)
            {
                atValueStart = true;
                valueQuoted = false;
                continue;
            }

            atValueStart = false;
        }

        return !inQuotes ? QuoteProblem.None : valueQuoted ? QuoteProblem.NeverEnds : QuoteProblem.InsideValue;
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
    // A character Sep cannot split on (a quotation mark, '#', a letter outside ASCII) is ignored, and
    // the separator is found in the header row instead.
    private static Sep? ExcelSeparatorLine(string text, ref int start)
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
        try
        {
            return Sep.New(separator);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // The separator is the candidate the header row uses most, outside quotes; a comma when none.
    private static Sep DetectSeparator(string text, int start)
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

        return Sep.New(semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',');
    }

    private static CsvReadResult Failed(ImportMessage message) => new(null, message);
}
