using CrmBlazor.Plugins.Projects.Features.Billing;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Billing;

public sealed class RateCardTests
{
    [Fact]
    public void For_PersonWithOwnRate_GetsThePersonsRateOverTheProjects()
    {
        Assert.Equal(new AppliedRate(120m, RateSource.Person), RateCard.For(projectRate: 95m, personRate: 120m));
    }

    [Fact]
    public void For_PersonWithoutOwnRate_GetsTheProjectsRate()
    {
        Assert.Equal(new AppliedRate(95m, RateSource.Project), RateCard.For(projectRate: 95m, personRate: null));
    }

    [Fact]
    public void For_NoRateAnywhere_GetsNone()
    {
        Assert.Equal(new AppliedRate(null, RateSource.None), RateCard.For(null, null));
    }

    [Fact]
    public void For_PersonsOwnRateOfZero_StillBeatsTheProjectsRate()
    {
        Assert.Equal(new AppliedRate(0m, RateSource.Person), RateCard.For(95m, 0m));
    }

    [Theory]
    [InlineData(90, 95, "GBP", 142.50)]
    [InlineData(20, 100, "EUR", 33.33)]
    [InlineData(10, 100, "EUR", 16.67)]
    [InlineData(45, 1001, "JPY", 751)]
    [InlineData(20, 1, "BHD", 0.333)]
    public void Amount_MinutesAtARate_IsRoundedToTheCurrencysMinorUnit(int minutes, double rate, string currency, double expected)
    {
        Assert.Equal((decimal)expected, RateCard.Amount(minutes, (decimal)rate, currency));
    }

    [Fact]
    public void Amount_WithoutRate_IsNull()
    {
        Assert.Null(RateCard.Amount(60, null, "INR"));
    }
}
