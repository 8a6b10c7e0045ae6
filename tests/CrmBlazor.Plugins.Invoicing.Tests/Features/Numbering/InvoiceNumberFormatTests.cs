using CrmBlazor.Plugins.Invoicing.Features.Numbering;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Numbering;

public sealed class InvoiceNumberFormatTests
{
    [Theory]
    [InlineData("INV-{yyyy}-{seq:00000}", 2026, 42, "INV-2026-00042")]
    [InlineData("CN{yy}/{seq}", 2026, 7, "CN26/7")]
    [InlineData("{yyyy}-{seq:0000}", 2027, 12345, "2027-12345")]
    public void Format_FillsYearAndPaddedSequence(string pattern, int year, long sequence, string expected)
    {
        Assert.Equal(expected, InvoiceNumberFormat.Parse(pattern).Format(year, sequence));
    }

    [Theory]
    [InlineData("INV-{yyyy}", "must contain {seq}")]
    [InlineData("INV-{seq}", "must contain the year")]
    [InlineData("INV-{yyyy}-{seq}-{seq}", "exactly once")]
    [InlineData("INV-{year}-{seq}", "unknown placeholder")]
    [InlineData("", "1 to 40 characters")]
    public void TryParse_RefusesPatternsThatCannotGiveUniqueNumbers(string pattern, string reason)
    {
        var format = InvoiceNumberFormat.TryParse(pattern, out var error);

        Assert.Null(format);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
