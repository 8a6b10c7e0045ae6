using CrmBlazor.Host.Features.Import;
using CrmBlazor.Sdk.Exports;

namespace CrmBlazor.Host.Tests.Features.Import;

/// <summary>What the SDK's CSV writer writes (the customer export), the import reads back unchanged.</summary>
public sealed class CustomerCsvRoundTripTests
{
    [Fact]
    public async Task WriteRow_ThenRead_GivesTheSameValues()
    {
        string[] values = ["சென்னை, \"மென்பொருள்\"", "line one\r\nline two", "ಬೆಂಗಳೂರು;ತಂತ್ರಜ್ಞಾನ", "+91 44 2345", "007"];

        var document = CustomerCsvReader.Read(await WriteAsync(["a", "b", "c", "d", "e"], values)).Document!;

        Assert.Equal(values, document.Rows.Single().Cells);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")")]
    [InlineData("@SUM(1+1)")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    public async Task Quote_ValueASpreadsheetWouldRun_IsMarkedAsTextAndReadBackUnchanged(string value)
    {
        var cell = CsvWriter.FormatCell(value);

        var row = CustomerCsvReader.Read(await WriteAsync(["Name"], [value])).Document!.Rows.Single();

        Assert.StartsWith("'", cell.TrimStart('"'));
        Assert.Equal(value, row.Cell(0));
    }

    private static async Task<byte[]> WriteAsync(params string[][] rows)
    {
        using var file = new MemoryStream();
        await using (var csv = new CsvWriter(file))
        {
            foreach (var row in rows)
            {
                await csv.WriteRowAsync(row);
            }
        }

        return file.ToArray();
    }
}
