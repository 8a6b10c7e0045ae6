using System.Text;
using CrmBlazor.Host.Features.Export;
using CrmBlazor.Host.Features.Import;

namespace CrmBlazor.Host.Tests.Features.Import;

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
}
