using System.Globalization;
using CrmBlazor.Host.Localization;

namespace CrmBlazor.Host.Tests.Localization;

public sealed class CrmCulturesTests
{
    public static TheoryData<string> CultureNames => [.. CrmCultures.Names];

    [Theory]
    [MemberData(nameof(CultureNames))]
    public void Culture_EveryOffered_IsASpecificCultureKnownToTheRuntime(string name)
    {
        var culture = CrmCultures.Find(name)!.Culture;

        Assert.Equal(name, culture.Name);
        Assert.False(culture.IsNeutralCulture);
        Assert.NotEqual(CultureInfo.InvariantCulture.Name, culture.Name);
    }

    [Fact]
    public void Default_IsOneOfTheOfferedCultures()
    {
        Assert.NotNull(CrmCultures.Find(CrmCultures.Default));
    }

    [Fact]
    public void IsRightToLeft_Urdu_IsTrue()
    {
        Assert.True(CrmCultures.Find("ur-PK")!.IsRightToLeft);
    }

    [Fact]
    public void IsRightToLeft_EveryOtherCulture_IsFalse()
    {
        Assert.Equal(["ur-PK"], CrmCultures.All.Where(c => c.IsRightToLeft).Select(c => c.Name));
    }

    [Fact]
    public void Format_EnglishIndia_GroupsByLakh()
    {
        var culture = CrmCultures.Find("en-IN")!.Culture;

        Assert.Equal("1,00,000.50", 100000.5m.ToString("N2", culture));
    }

    [Fact]
    public void Find_DifferentCase_FindsTheCulture()
    {
        Assert.Equal("ta-IN", CrmCultures.Find("TA-in")?.Name);
    }

    [Fact]
    public void Find_UnsupportedCulture_GivesNull()
    {
        Assert.Null(CrmCultures.Find("fr-FR"));
    }
}
