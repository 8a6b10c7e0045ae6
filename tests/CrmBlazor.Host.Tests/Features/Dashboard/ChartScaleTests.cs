using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Host.Tests.Features.Dashboard;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(12, 5)]
    [InlineData(61, 20)]
    [InlineData(80_000, 20_000)]
    [InlineData(1_000_000, 500_000)]
    public void Step_Maximum_IsARoundNumberGivingAboutFourLines(double maximum, int expected)
    {
        Assert.Equal(expected, ChartScale.Step(maximum));
    }
}
