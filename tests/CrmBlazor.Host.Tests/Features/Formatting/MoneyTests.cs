using System.Globalization;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Results;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Tests.Features.Formatting;

/// <summary>Amounts in messages are formatted as money in the culture the message is shown in.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("en-IN", 100000.5, "INR", "₹1,00,000.50")]
    [InlineData("ka-GE", 1234.5, "GEL", "1 234,50 ₾")]
    public void InAMessage_IsFormattedForTheCultureWithTheCurrencysMinorUnits(string culture, double amount, string currency, string expected)
    {
        var text = string.Format(CultureInfo.GetCultureInfo(culture), "{0}", new Money((decimal)amount, currency));

        Assert.Equal(expected.Replace('\u00a0', ' '), text.Replace('\u00a0', ' ').Replace('\u202f', ' '));
    }

    [Theory]
    [InlineData(1234.4, "JPY", "1,234")]
    [InlineData(12.3456, "KWD", "12.346")]
    public void InAMessage_HasTheCurrencysMinorUnits(double amount, string currency, string expectedNumber)
    {
        var text = string.Format(CultureInfo.GetCultureInfo("en-IN"), "{0}", new Money((decimal)amount, currency));

        Assert.EndsWith(expectedNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AsAProblemsArgument_IsShownInTheUsersCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-IN");
        try
        {
            var problem = new Problem("The payment is more than what is owed: {0}.", new Money(250000m, "INR"));

            Assert.Equal("The payment is more than what is owed: ₹2,50,000.00.", new EnglishLocalizer().Show(problem));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    // The English texts are their own translations.
    private sealed class EnglishLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
