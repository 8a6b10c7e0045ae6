using System.Text;

namespace CrmBlazor.Host.Features.Export;

/// <summary>
/// Writes rows as CSV the way <see cref="Import.CustomerCsvReader"/> reads them back: comma-separated,
/// CRLF line ends, values quoted when they hold a comma, a quotation mark, a line break or leading or
/// trailing spaces. Values are written as stored, so the file re-imports to the same data, except for
/// the control and direction characters the CRM refuses (<see cref="UserText"/>), which a value stored
/// before that rule may hold: they are left out, so the file shows every name in its own order.
/// </summary>
public static class CustomerCsvWriter
{
    /// <summary>UTF-8 with a byte order mark: without it Excel opens Tamil, Georgian or Urdu text as mojibake.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes one row.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="cells">The values.</param>
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(Quote(cell));
        }

        writer.Write("\r\n");
    }

    /// <summary>
    /// A value as a CSV cell. A value a spreadsheet would run as a formula (=, @, or + and - not
    /// followed by a plain number: "=HYPERLINK(...)", "-2+3+cmd|...") gets a leading apostrophe, the spreadsheets'
    /// own "this is text" mark, which the importer removes again (CSV injection, OWASP). Phone numbers
    /// such as +91 98450 12345 and amounts such as -12.5 are left as they are.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Quote(string? value)
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

        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n;") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return needsQuotes ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
    }

    /// <summary>Whether a spreadsheet would read the value as a formula.</summary>
    /// <param name="value">The value.</param>
    public static bool CouldRunAsFormula(string value) =>
        value.Length > 0 && (value[0] is '=' or '@' or '\t' or '\r'
            || (value[0] is '+' or '-' && (value.Length == 1 || value.AsSpan(1).ContainsAnyExcept(NumberCharacters))));

    // What a phone number or a signed amount consists of; anything else after + or - may be a formula.
    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789 ().-/");
}
