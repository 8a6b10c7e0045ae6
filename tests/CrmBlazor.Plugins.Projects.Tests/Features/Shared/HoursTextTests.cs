using System.Globalization;
using CrmBlazor.Plugins.Projects.Features.Shared;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Shared;

public sealed class HoursTextTests
{
    [Theory]
    [InlineData("7.5", 450)]
    [InlineData("7,5", 450)]
    [InlineData("7:30", 450)]
    [InlineData("7:05", 425)]
    [InlineData("7h30", 450)]
    [InlineData("7h 30m", 450)]
    [InlineData("7h", 420)]
    [InlineData("1.5h", 90)]
    [InlineData("45m", 45)]
    [InlineData(" 8 ", 480)]
    [InlineData("0.33", 20)]
    [InlineData("0", 0)]
    public void TryParse_DurationAsPeopleTypeIt_GivesMinutes(string text, int minutes)
    {
        Assert.True(HoursText.TryParse(text, out var parsed));
        Assert.Equal(minutes, parsed);
    }

    [Theory]
    [InlineData("௭.௫", 450)]     // Tamil digits
    [InlineData("೭:೩೦", 450)]    // Kannada digits
    [InlineData("۷٫۵", 450)]     // Urdu (extended Arabic-Indic) digits and the Arabic decimal separator
    [InlineData("૮", 480)]       // Gujarati digit
    public void TryParse_DigitsOfOtherScripts_AreRead(string text, int minutes)
    {
        Assert.True(HoursText.TryParse(text, out var parsed));
        Assert.Equal(minutes, parsed);
    }

    [Theory]
    [InlineData("-2", -120)]
    [InlineData("−1:30", -90)]
    public void TryParse_NegativeDuration_IsReadSoThatTheRulesCanRefuseIt(string text, int minutes)
    {
        Assert.True(HoursText.TryParse(text, out var parsed));
        Assert.Equal(minutes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_EmptyText_IsNoTime(string? text)
    {
        Assert.True(HoursText.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("7:75")]
    [InlineData("7:3:0")]
    [InlineData("7.5.1")]
    [InlineData("1.5h30")]
    [InlineData("seven")]
    public void TryParse_TextThatIsNoDuration_IsRefused(string text)
    {
        Assert.False(HoursText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(450, "en-GB", "7.5")]
    [InlineData(450, "ka-GE", "7,5")]
    [InlineData(20, "en-IN", "0.33")]
    [InlineData(480, "ur-PK", "8")]
    public void Format_Minutes_AreDecimalHoursInTheCulture(int minutes, string culture, string expected)
    {
        Assert.Equal(expected, HoursText.Format(minutes, CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(439)]
    [InlineData(1439)]
    public void FormatThenParse_AnyMinutes_GivesTheSameMinutesBack(int minutes)
    {
        Assert.True(HoursText.TryParse(HoursText.Format(minutes, CultureInfo.InvariantCulture), out var parsed));
        Assert.Equal(minutes, parsed);
    }
}
