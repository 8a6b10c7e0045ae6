using System.Text;

namespace CrmBlazor.Host.Features.Export;

/// <summary>
/// Writes rows as CSV the way <see cref="Import.CustomerCsvReader"/> reads them back: comma-separated,
/// CRLF line ends, values quoted when they hold a comma, a quotation mark, a line break or leading or
/// trailing spaces. Values are written exactly as stored, so the file re-imports to the same data.
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

    /// <summary>A value as a CSV cell.</summary>
    /// <param name="value">The value.</param>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n;") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return needsQuotes ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"") : value;
    }
}
