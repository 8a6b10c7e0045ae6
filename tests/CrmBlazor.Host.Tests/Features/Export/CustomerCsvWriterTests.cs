using System.Text;
using CrmBlazor.Host.Features.Export;
using CrmBlazor.Host.Features.Import;

namespace CrmBlazor.Host.Tests.Features.Export;

public sealed class CustomerCsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Rao, Kavya", "\"Rao, Kavya\"")]
    [InlineData("retainer; priority", "\"retainer; priority\"")]
    [InlineData("said \"hi\"", "\"said \"\"hi\"\"\"")]
    [InlineData("", "")]
    public void Quote_Value_IsQuotedOnlyWhenNeeded(string value, string cell)
    {
        Assert.Equal(cell, CustomerCsvWriter.Quote(value));
    }

    [Fact]
    public void WriteRow_ThenRead_GivesTheSameValues()
    {
        string[] values = ["சென்னை, \"மென்பொருள்\"", "line one\r\nline two", "ಬೆಂಗಳೂರು;ತಂತ್ರಜ್ಞಾನ", "+91 44 2345", "007"];
        using var writer = new StringWriter();
        CustomerCsvWriter.WriteRow(writer, ["a", "b", "c", "d", "e"]);
        CustomerCsvWriter.WriteRow(writer, values);

        var document = CustomerCsvReader.Read(CustomerCsvWriter.Encoding.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray()).Document!;

        Assert.Equal(values, document.Rows.Single().Cells);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")")]
    [InlineData("@SUM(1+1)")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    public void Quote_ValueASpreadsheetWouldRun_IsMarkedAsTextAndReadBackUnchanged(string value)
    {
        var cell = CustomerCsvWriter.Quote(value);
        using var writer = new StringWriter();
        CustomerCsvWriter.WriteRow(writer, ["Name"]);
        CustomerCsvWriter.WriteRow(writer, [value]);

        var row = CustomerCsvReader.Read(Encoding.UTF8.GetBytes(writer.ToString())).Document!.Rows.Single();

        Assert.StartsWith("'", cell.TrimStart('"'));
        Assert.Equal(value, row.Cell(0));
    }

    [Theory]
    [InlineData("+91 98450 12345")]
    [InlineData("-12.5")]
    [InlineData("+(44) 20 7946 0018")]
    public void Quote_PhoneNumbersAndAmounts_AreLeftAsTheyAre(string value)
    {
        Assert.Equal(value, CustomerCsvWriter.Quote(value).Trim('"'));
    }
}
