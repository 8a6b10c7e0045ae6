using CrmBlazor.Host.Features.Import;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>
/// Builds the rows of an import file in the customer file format by naming only the values that
/// matter to a test, and checks them with the CRM's users known by e-mail address.
/// </summary>
/// <example><code>var plan = new ImportRowsBuilder().Row(("Name", "Kavya"), ("Currency", "XYZ")).Validate();</code></example>
internal sealed class ImportRowsBuilder
{
    private static readonly string[] Headers = [.. CustomerFileFormat.Columns.Select(c => c.Header)];
    private readonly ImportFileBuilder _file = new ImportFileBuilder().WithHeaders(Headers);
    private readonly Dictionary<string, string> _users = new(StringComparer.OrdinalIgnoreCase) { ["meera.iyer@demo.local"] = "user-meera" };

    public ImportRowsBuilder Row(params (string Header, string Value)[] values)
    {
        var cells = Headers.Select(h => values.FirstOrDefault(v => v.Header == h).Value ?? string.Empty).ToArray();
        var unknown = values.Select(v => v.Header).Except(Headers).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Not a header of the format: " + string.Join(", ", unknown), nameof(values));
        }

        _file.WithRow(cells);
        return this;
    }

    public byte[] Bytes() => _file.Bytes();

    public CustomerImportPlan Validate()
    {
        var document = CustomerCsvReader.Read(_file.Bytes()).Document!;
        return new CustomerImportValidator(_users).Validate(document, CustomerColumnMapping.Guess(document.Headers));
    }
}
