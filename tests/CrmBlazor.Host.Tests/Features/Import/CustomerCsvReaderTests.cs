using System.Text;
using CrmBlazor.Host.Features.Import;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Features.Import;

public sealed class CustomerCsvReaderTests
{
    public static TheoryData<string, string> Scripts => new()
    {
        { "Tamil", "சென்னை மென்பொருள் நிறுவனம்" },
        { "Kannada", "ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ" },
        { "Georgian", "თბილისის სავაჭრო კომპანია" },
        { "Urdu", "کراچی ٹریڈنگ کمپنی" },
        { "Gujarati", "અમદાવાદ ટેક્સટાઇલ્સ" },
    };

    [Fact]
    public void Read_CommaSeparatedFile_GivesHeadersAndRows()
    {
        var file = new ImportFileBuilder().WithHeaders("Name", "City").WithRow("Kavya Rao", "Chennai").WithRow("Arjun", "Mysuru").Bytes();

        var document = Read(file);

        Assert.Equal(["Name", "City"], document.Headers);
        Assert.Equal([["Kavya Rao", "Chennai"], ["Arjun", "Mysuru"]], document.Rows.Select(r => r.Cells.ToArray()));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Read_AnySeparator_IsDetectedFromTheHeaderRow(char separator)
    {
        var file = new ImportFileBuilder().WithHeaders("Name", "City", "Tags").WithRow("Kavya", "Chennai", "retainer").SeparatedBy(separator).Bytes();

        var document = Read(file);

        Assert.Equal(separator, document.Separator);
        Assert.Equal(["Kavya", "Chennai", "retainer"], document.Rows[0].Cells);
    }

    [Fact]
    public void Read_SemicolonFileWithCommasInValues_KeepsTheCommas()
    {
        var file = Encoding.UTF8.GetBytes("Name;City;Notes\r\nRao, Kavya;Chennai;Pays late, calls often\r\n");

        var document = Read(file);

        Assert.Equal(["Rao, Kavya", "Chennai", "Pays late, calls often"], document.Rows[0].Cells);
    }

    [Fact]
    public void Read_ExcelSeparatorLine_NamesTheSeparatorAndIsNoHeader()
    {
        var document = Read(Encoding.UTF8.GetBytes("sep=;\r\nName;City\r\nKavya;Chennai\r\n"));

        Assert.Equal(["Name", "City"], document.Headers);
        Assert.Equal(["Kavya", "Chennai"], document.Rows[0].Cells);
    }

    [Fact]
    public void Read_QuotedValues_KeepSeparatorsDoubledQuotesAndLineBreaks()
    {
        var file = Encoding.UTF8.GetBytes("Name,Notes\r\n\"Rao, Kavya\",\"Said \"\"call me\"\"\r\nsecond line\"\r\n");

        var row = Read(file).Rows.Single();

        Assert.Equal(["Rao, Kavya", "Said \"call me\"\r\nsecond line"], row.Cells);
    }

    [Fact]
    public void Read_ByteOrderMark_IsNotPartOfTheFirstHeader()
    {
        var file = new ImportFileBuilder().WithHeaders("Name", "City").WithRow("Kavya", "Chennai").WithByteOrderMark().Bytes();

        Assert.Equal("Name", Read(file).Headers[0]);
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsDecoded()
    {
        var file = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Name\tCity\r\nசென்னை\tChennai\r\n")).ToArray();

        Assert.Equal(["சென்னை", "Chennai"], Read(file).Rows[0].Cells);
    }

    [Fact]
    public void Read_Utf16BigEndianWithByteOrderMark_IsDecoded()
    {
        var file = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("Name;City\r\nთბილისი;Tbilisi\r\n")).ToArray();

        Assert.Equal(["თბილისი", "Tbilisi"], Read(file).Rows[0].Cells);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_AnyLineEnd_SplitsRowsTheSame(string lineEnd)
    {
        var file = Encoding.UTF8.GetBytes(string.Join(lineEnd, "Name,City", "Kavya,Chennai", "Arjun,Mysuru") + lineEnd);

        var document = Read(file);

        Assert.Equal(["Kavya", "Arjun"], document.Rows.Select(r => r.Cells[0]));
        Assert.Equal("Chennai", document.Rows[0].Cells[1]);
    }

    [Fact]
    public void Read_LastRowWithoutLineEnd_IsRead()
    {
        var document = Read(Encoding.UTF8.GetBytes("Name,City\nKavya,Chennai"));

        Assert.Equal(["Kavya", "Chennai"], document.Rows.Single().Cells);
    }

    [Fact]
    public void Read_BlankRows_AreLeftOutButKeepTheRowNumbersOfASpreadsheet()
    {
        var document = Read(Encoding.UTF8.GetBytes("Name,City\r\nKavya,Chennai\r\n\r\n,\r\nArjun,Mysuru\r\n"));

        Assert.Equal([2, 5], document.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Read_QuotedLineBreak_CountsAsOneRow()
    {
        var document = Read(Encoding.UTF8.GetBytes("Name,Notes\r\nKavya,\"two\r\nlines\"\r\nArjun,one\r\n"));

        Assert.Equal([2, 3], document.Rows.Select(r => r.Number));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Read_NamesInEveryScript_ArriveUnchanged(string script, string name)
    {
        var file = new ImportFileBuilder().WithHeaders("Name", "City").WithRow(name, name).SeparatedBy(';').WithByteOrderMark().Bytes();

        var row = Read(file).Rows.Single();

        Assert.True(row.Cells.All(c => c == name), script);
    }

    [Theory]
    [InlineData("ta-crm-article.txt")]
    [InlineData("kn-crm-article.txt")]
    [InlineData("ka-crm-article.txt")]
    public void Read_SampleArticleAsQuotedNotes_ArrivesUnchanged(string sample)
    {
        var article = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "Samples", sample));
        var file = new ImportFileBuilder().WithHeaders("Name", "Notes").WithRow("Sample", article).WithUnixLineEnds().Bytes();

        Assert.Equal(article, Read(file).Rows.Single().Cells[1]);
    }

    [Fact]
    public void Read_FileInALegacyCodePage_IsRefusedWithAMessage()
    {
        var latin1 = new byte[] { (byte)'N', (byte)'a', (byte)'m', (byte)'e', (byte)'\n', (byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r', (byte)'\n' };

        var result = CustomerCsvReader.Read(latin1);

        Assert.Null(result.Document);
        Assert.Contains("not UTF-8", result.Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuoteThatNeverEnds_IsRefusedNamingTheRow()
    {
        var result = CustomerCsvReader.Read(Encoding.UTF8.GetBytes("Name,Notes\nKavya,fine\nArjun,\"never closed\nMeera,x\n"));

        Assert.Null(result.Document);
        Assert.Equal("Row 3 has a quoted value that never ends: a closing quotation mark is missing.", result.Error!.ToString());
    }

    [Fact]
    public void Read_QuotationMarkInsideAValueNotInQuotes_IsRefusedNamingTheRowRatherThanJoiningRows()
    {
        var result = CustomerCsvReader.Read(Encoding.UTF8.GetBytes("Name,Notes\nKavya,fine\nArjun,Needs a 24\" monitor\nMeera,x\nRavi,Has a 27\" one\n"));

        Assert.Null(result.Document);
        Assert.Equal(
            "Row 3 has a quotation mark inside a value that does not start with one. Put the whole value in quotation marks and write each quotation mark in it twice, or save the file again from your spreadsheet program.",
            result.Error!.ToString());
    }

    [Fact]
    public void Read_QuotationMarksInsideAValueNotInQuotes_AreKeptWhenTheyCloseOnTheSameValue()
    {
        var document = Read(Encoding.UTF8.GetBytes("Name,Notes\r\nKavya,Said \"call me\" twice\r\n"));

        Assert.Equal(["Kavya", "Said \"call me\" twice"], document.Rows.Single().Cells);
    }

    [Fact]
    public void Read_ExcelSeparatorLineNamingACharacterThatCannotSeparate_IsSkippedAndTheHeaderRowDecides()
    {
        var document = Read(Encoding.UTF8.GetBytes("sep=\"\r\nName;City\r\nKavya;Chennai\r\n"));

        Assert.Equal(';', document.Separator);
        Assert.Equal(["Kavya", "Chennai"], document.Rows.Single().Cells);
    }

    [Fact]
    public void Read_RowStartingWithAHash_IsARowLikeAnyOther()
    {
        var document = Read(Encoding.UTF8.GetBytes("Name,City\r\n#12 Traders,Chennai\r\n"));

        Assert.Equal(["#12 Traders", "Chennai"], document.Rows.Single().Cells);
    }

    [Fact]
    public void Read_EmptyFile_IsRefusedWithAMessage()
    {
        var result = CustomerCsvReader.Read(Encoding.UTF8.GetBytes("\r\n"));

        Assert.Null(result.Document);
        Assert.StartsWith("The file is empty", result.Error!.ToString(), StringComparison.Ordinal);
    }

    private static CsvDocument Read(byte[] file)
    {
        var result = CustomerCsvReader.Read(file);
        Assert.Null(result.Error);
        return result.Document!;
    }
}
