using Bunit;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Features.Dashboard;

/// <summary>
/// What the chart hands MudBlazor's chart (which draws only once the browser reports its size):
/// one series per channel with its monthly counts, month names and numbers in the user's culture.
/// </summary>
public sealed class InteractionsByChannelChartTests : ComponentTestContext
{
    private static readonly DateOnly December2025 = new(2025, 12, 1);

    [Fact]
    public void Series_OnePerChannelWithInteractions_InChannelOrderWithTheirMonthlyCounts()
    {
        var counts = ChannelMonthCountsBuilder.Months(3, December2025)
            .With(InteractionChannel.Complaint, 0, 1, 0)
            .With(InteractionChannel.Call, 4, 5, 6)
            .Build();

        var chart = Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, counts));

        var series = Chart(chart).ChartSeries;
        Assert.Equal(["Call", "Complaint"], series.Select(s => s.Name));
        Assert.Equal([4, 5, 6], series[0].Data.Values);
        Assert.Equal([0, 1, 0], series[1].Data.Values);
    }

    [Fact]
    public void Series_EachChannel_KeepsItsColourWhicheverChannelsThePeriodHas()
    {
        var withCalls = ChannelMonthCountsBuilder.Months(2, December2025).With(InteractionChannel.Call, 1).With(InteractionChannel.Complaint, 1).Build();
        var withoutCalls = ChannelMonthCountsBuilder.Months(2, December2025).With(InteractionChannel.Complaint, 1).Build();

        var complaintColourWithCalls = Chart(Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, withCalls))).ChartOptions!.ChartPalette[1];
        var complaintColourAlone = Chart(Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, withoutCalls))).ChartOptions!.ChartPalette[0];

        Assert.Equal(complaintColourWithCalls, complaintColourAlone);
    }

    [Fact]
    public void Labels_Tamil_AreTheMonthNamesOfTheCulture()
    {
        using var culture = CultureScope.Of("ta-IN");
        var counts = ChannelMonthCountsBuilder.Months(2, December2025).With(InteractionChannel.Email, 3, 4).Build();

        var chart = Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, counts));

        Assert.Equal(
            [December2025.ToString("MMM", culture.Culture), new DateOnly(2026, 1, 1).ToString("MMM", culture.Culture)],
            Chart(chart).ChartLabels);
        Assert.DoesNotContain("Dec", Chart(chart).ChartLabels);
    }

    [Fact]
    public void AxisTitle_NamesThePeriodWithItsYears()
    {
        using var culture = CultureScope.Of("en-GB");
        var counts = ChannelMonthCountsBuilder.Months(12, December2025).With(InteractionChannel.Email, 3).Build();

        var chart = Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, counts));

        Assert.Equal("December 2025 – November 2026", ((StackedBarChartOptions)Chart(chart).ChartOptions!).XAxisTitle);
    }

    [Fact]
    public void ValueAxis_EnglishIndia_FormatsNumbersOfTheCulture()
    {
        using var culture = CultureScope.Of("en-IN");
        var counts = ChannelMonthCountsBuilder.Months(1, December2025).With(InteractionChannel.Call, 250000).Build();

        var chart = Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, counts));

        var options = (StackedBarChartOptions)Chart(chart).ChartOptions!;
        Assert.Equal("2,50,000", options.YAxisToStringFunc!(250000));
        Assert.Contains("2,50,000 interactions in 1 months", chart.Find("[data-testid=interactions-total]").TextContent);
    }

    [Fact]
    public void NoInteractions_SaysSoInsteadOfAnEmptyChart()
    {
        var counts = ChannelMonthCountsBuilder.Months(12, December2025).Build();

        var chart = Render<InteractionsByChannelChart>(p => p.Add(c => c.Counts, counts));

        Assert.Equal("No interactions in the last 12 months.", chart.Find("[data-testid=interactions-chart-empty]").TextContent);
        Assert.Empty(chart.FindComponents<MudChart<int>>());
    }

    private static MudChart<int> Chart(IRenderedComponent<InteractionsByChannelChart> chart) =>
        chart.FindComponent<MudChart<int>>().Instance;
}
