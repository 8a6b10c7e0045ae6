using System.Text;
using CrmBlazor.Sdk.Exports;

namespace CrmBlazor.Sdk.Tests.Exports;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Rao, Kavya", "\"Rao, Kavya\"")]
    [InlineData("retainer; priority", "\"retainer; priority\"")]
    [InlineData("said \"hi\"", "\"said \"\"hi\"\"\"")]
    [InlineData("", "")]
    public void FormatCell_Value_IsQuotedOnlyWhenNeeded(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.FormatCell(value));
    }

    [Theory]
    [InlineData(" leading", "\" leading\"")]
    [InlineData("trailing ", "\"trailing \"")]
    public void FormatCell_ValueWithSpacesAtItsEdges_IsQuotedSoThatReadersWhichTrimKeepThem(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.FormatCell(value));
    }

    [Fact]
    public void FormatCell_Null_IsAnEmptyCell()
    {
        Assert.Equal(string.Empty, CsvWriter.FormatCell(null));
    }

    [Theory]
    [InlineData("line one\r\nline two", "\"line one\r\nline two\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    public void FormatCell_ValueWithALineBreak_IsQuotedWithTheBreakKept(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.FormatCell(value));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("+", "'+")]
    [InlineData("-", "'-")]
    [InlineData("\tSUM(A1)", "'\tSUM(A1)")]
    public void FormatCell_ValueASpreadsheetWouldRun_GetsALeadingApostrophe(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.FormatCell(value));
    }

    [Theory]
    [InlineData("+91 98450 12345")]
    [InlineData("-12.5")]
    [InlineData("+(44) 20 7946 0018")]
    public void FormatCell_PhoneNumbersAndAmounts_AreLeftAsTheyAre(string value)
    {
        Assert.Equal(value, CsvWriter.FormatCell(value).Trim('"'));
    }

    [Theory]
    [InlineData("Bidi \u202Egnp.exe\u0000 Ltd", "Bidi gnp.exe Ltd")]
    [InlineData("Tabs\u0007 and \u202Bembeddings\u202C", "Tabs and embeddings")]
    public void FormatCell_ValueWithControlOrDirectionCharacters_IsWrittenWithoutThem(string value, string cell)
    {
        Assert.Equal(cell, CsvWriter.FormatCell(value));
    }

    [Fact]
    public void FormatCell_UrduWithItsMarksAndIsolates_IsKeptAsItIs()
    {
        Assert.Equal(RealText.UrduWithIsolatedLatinName, CsvWriter.FormatCell(RealText.UrduWithIsolatedLatinName));
    }

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'-2+3", "-2+3")]
    [InlineData("'-12.5", "'-12.5")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("'", "'")]
    public void RemoveFormulaMark_Cell_TakesOffOnlyTheMarkFormatCellAdds(string cell, string value)
    {
        Assert.Equal(value, CsvWriter.RemoveFormulaMark(cell));
    }

    [Fact]
    public void FormatRow_Cells_AreSeparatedByCommasAndEndWithCrLf()
    {
        Assert.Equal("a,\"b, c\",,d\r\n", CsvWriter.FormatRow(["a", "b, c", null, "d"]));
    }

    [Fact]
    public async Task WriteRowAsync_Rows_AreUtf8WithAByteOrderMarkAndTheFormattedRows()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync(["Name", "City"]);
            await csv.WriteRowAsync(["சென்னை, \"மென்பொருள்\"", "=1+1"]);
        }

        Assert.Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Name,City\r\n\"சென்னை, \"\"மென்பொருள்\"\"\",'=1+1\r\n")],
            stream.ToArray());
    }

    [Fact]
    public async Task DisposeAsync_AfterWriting_LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync(["Name"]);
        }

        Assert.True(stream.CanWrite);
    }
}
