using System.Buffers;
using System.Text;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Sdk.Exports;

/// <summary>
/// Writes CSV files that spreadsheets open as they should, the one way the host and plugins write CSV
/// (the customer export, the invoices for the books). A file is UTF-8 with a byte order mark,
/// comma-separated, with CRLF line ends. Every value goes through <see cref="FormatCell"/>: cleaned
/// with the text rule, marked as text when a spreadsheet would run it as a formula, and quoted when needed.
/// </summary>
/// <remarks>
/// A value is quoted for more than RFC 4180 asks (a comma, a quotation mark, a line break): also for a
/// semicolon, which spreadsheets set to a semicolon-separated locale split on, and for leading or
/// trailing spaces, which readers that trim would lose. The writer flushes asynchronously only, so it
/// can write straight to an HTTP response (Kestrel refuses synchronous writes).
/// </remarks>
/// <example>
/// <code>
/// context.Response.ContentType = CsvWriter.ContentType;
/// await using var csv = new CsvWriter(context.Response.Body);
/// await csv.WriteRowAsync(["Date", "Number", "Customer"], cancellationToken);
/// await csv.WriteRowAsync([date, number, customerName], cancellationToken);
/// </code>
/// </example>
public sealed class CsvWriter : IAsyncDisposable
{
    /// <summary>The media type of a CSV file written by this writer.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    // What a phone number or a signed amount consists of; anything else after + or - may be a formula.
    private static readonly SearchValues<char> NumberCharacters = SearchValues.Create("0123456789 ().-/");

    // Characters that put a value in quotation marks (see the remarks).
    private static readonly SearchValues<char> QuotedCharacters = SearchValues.Create(",\"\r\n;");

    private readonly StreamWriter _writer;
    private readonly StringBuilder _row = new();

    /// <summary>Starts a file on a stream; the byte order mark is written with the first row.</summary>
    /// <param name="stream">Where the file goes, e.g. an HTTP response's body. It is left open.</param>
    public CsvWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new StreamWriter(stream, Encoding, bufferSize: 64 * 1024, leaveOpen: true);
    }

    /// <summary>UTF-8 with a byte order mark: without it Excel opens Tamil, Georgian or Urdu text as mojibake.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes one row.</summary>
    /// <param name="cells">The values, in column order; null is an empty cell.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _row.Clear();
        AppendRow(_row, cells);
        await _writer.WriteAsync(_row, cancellationToken);
    }

    /// <summary>Sends what is buffered to the stream, e.g. after each page of a long export.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <summary>Flushes what is left; the stream stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }

    /// <summary>A row as the writer writes it, with its CRLF line end (for text built in memory).</summary>
    /// <param name="cells">The values, in column order; null is an empty cell.</param>
    public static string FormatRow(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return AppendRow(new StringBuilder(), cells).ToString();
    }

    /// <summary>
    /// A value as a CSV cell. The value is cleaned with the text rule (<see cref="UserText.Clean"/>:
    /// a value stored before the rule may hold a control or direction character, which is left out).
    /// A value a spreadsheet would run as a formula (see <see cref="CouldRunAsFormula"/>) gets a
    /// leading apostrophe, the spreadsheets' own "this is text" mark (CSV injection, OWASP); a reader
    /// takes it off again with <see cref="RemoveFormulaMark"/>. Phone numbers such as +91 98450 12345
    /// and amounts such as -12.5 are left as they are. The cell is quoted when it holds a comma, a
    /// semicolon, a quotation mark (written twice) or a line break, or starts or ends with a space.
    /// </summary>
    /// <param name="value">The value; null gives an empty cell.</param>
    public static string FormatCell(string? value)
    {
        value = UserText.Clean(value, TextKind.Multiline);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (CouldRunAsFormula(value))
        {
            value = "'" + value;
        }

        var needsQuotes = value.AsSpan().ContainsAny(QuotedCharacters) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return needsQuotes ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
    }

    /// <summary>
    /// Whether a spreadsheet would read a value as a formula: it starts with =, @, a tab or a carriage
    /// return, or with + or - followed by anything but a plain number ("=HYPERLINK(...)",
    /// "-2+3+cmd|...", but not "+91 98450 12345" or "-12.5").
    /// </summary>
    /// <param name="value">The value.</param>
    public static bool CouldRunAsFormula(string value) =>
        value is { Length: > 0 } && (value[0] is '=' or '@' or '\t' or '\r'
            || (value[0] is '+' or '-' && (value.Length == 1 || value.AsSpan(1).ContainsAnyExcept(NumberCharacters))));

    /// <summary>
    /// A cell read back from a CSV file without the apostrophe <see cref="FormatCell"/> put before a
    /// value that could run as a formula; any other cell as it is.
    /// </summary>
    /// <param name="cell">The cell, unquoted.</param>
    public static string RemoveFormulaMark(string cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && CouldRunAsFormula(cell[1..]) ? cell[1..] : cell;

    private static StringBuilder AppendRow(StringBuilder row, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                row.Append(',');
            }

            first = false;
            row.Append(FormatCell(cell));
        }

        return row.Append("\r\n");
    }
}
