using System.Text;
namespace CrmBlazor.Host.Tests.Builders;

/// <summary>
/// Builds the bytes of an import file the way people's programs save them: headers and rows,
/// a separator, line ends, with or without a UTF-8 byte order mark.
/// </summary>
/// <example><code>var file = new ImportFileBuilder().WithHeaders("Name", "City").WithRow("Kavya", "Chennai").SeparatedBy(';').Bytes();</code></example>
internal sealed class ImportFileBuilder
{
    private readonly List<string[]> _rows = [];
    private string[] _headers = ["Name"];
    private char _separator = ',';
    private string _lineEnd = "\r\n";
    private bool _byteOrderMark;

    public static string[] StandardHeaders =>
    [
        "Name", "Type", "Industry", "E-mail", "Phone", "Web site", "Currency", "Tags", "Street", "Postal code", "City", "Region", "Country",
        "Account manager", "Notes", "Contact name", "Contact role", "Contact e-mail", "Contact phone", "Main contact",
    ];

    public ImportFileBuilder WithHeaders(params string[] headers)
    {
        _headers = headers;
        return this;
    }

    public ImportFileBuilder WithRow(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public ImportFileBuilder SeparatedBy(char separator)
    {
        _separator = separator;
        return this;
    }

    public ImportFileBuilder WithUnixLineEnds()
    {
        _lineEnd = "\n";
        return this;
    }

    public ImportFileBuilder WithOldMacLineEnds()
    {
        _lineEnd = "\r";
        return this;
    }

    public ImportFileBuilder WithByteOrderMark()
    {
        _byteOrderMark = true;
        return this;
    }

    public string Text()
    {
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend(_headers))
        {
            text.AppendJoin(_separator, row.Select(Quote)).Append(_lineEnd);
        }

        return text.ToString();
    }

    public byte[] Bytes() => new UTF8Encoding(_byteOrderMark).GetPreamble().Concat(Encoding.UTF8.GetBytes(Text())).ToArray();

    private string Quote(string cell) => cell.AsSpan().IndexOfAny([_separator, '"', '\r', '\n']) >= 0
        ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : cell;
}
