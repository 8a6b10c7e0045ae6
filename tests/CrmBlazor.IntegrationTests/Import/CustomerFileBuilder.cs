using CrmBlazor.Host.Features.Import;
using CrmBlazor.Sdk.Exports;

namespace CrmBlazor.IntegrationTests.Import;

/// <summary>Builds an import file in the customer file format, naming only the values a test cares about.</summary>
/// <example><code>var file = new CustomerFileBuilder().Row(("Name", "Kavya"), ("City", "Chennai")).Bytes();</code></example>
internal sealed class CustomerFileBuilder
{
    public static readonly string[] Headers = [.. CustomerFileFormat.Columns.Select(c => c.Header)];

    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string[]> Cells => _rows;

    public CustomerFileBuilder Row(params (string Header, string Value)[] values)
    {
        var unknown = values.Select(v => v.Header).Except(Headers).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Not a header of the format: " + string.Join(", ", unknown), nameof(values));
        }

        _rows.Add([.. Headers.Select(h => values.FirstOrDefault(v => v.Header == h).Value ?? string.Empty)]);
        return this;
    }

    public byte[] Bytes()
    {
        var text = CsvWriter.FormatRow(Headers) + string.Concat(_rows.Select(CsvWriter.FormatRow));
        return [.. CsvWriter.Encoding.GetPreamble(), .. CsvWriter.Encoding.GetBytes(text)];
    }

    /// <summary>
    /// The file as another program might write it: every value quoted and kept exactly, control and
    /// direction characters included (the CRM's own writer leaves those out).
    /// </summary>
    public byte[] BytesWithEveryCharacter()
    {
        static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n";
        var text = Line(Headers) + string.Concat(_rows.Select(Line));
        return [.. CsvWriter.Encoding.GetPreamble(), .. CsvWriter.Encoding.GetBytes(text)];
    }
}
