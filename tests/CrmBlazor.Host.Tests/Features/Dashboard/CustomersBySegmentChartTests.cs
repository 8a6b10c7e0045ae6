using Bunit;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Features.Dashboard;

public sealed class CustomersBySegmentChartTests : ComponentTestContext
{
    private static readonly SegmentSizes ThreeSegments = new(
        [new SegmentSize(7, "Key accounts", 12000), new SegmentSize(3, "முக்கிய வாடிக்கையாளர்கள்", 9), new SegmentSize(11, "No contact in 90 days", 2)],
        Others: 0,
        RefreshedAt: new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Legend_EachSegment_LinksToItsCustomersWithItsMemberCount()
    {
        using var culture = CultureScope.Of("en-IN");

        var chart = Render<CustomersBySegmentChart>(p => p.Add(c => c.Sizes, ThreeSegments));

        Assert.Equal(
            ["/customers?segment=7", "/customers?segment=3", "/customers?segment=11"],
            chart.FindAll("[data-testid=segment-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Key accounts", "முக்கிய வாடிக்கையாளர்கள்", "No contact in 90 days"], chart.FindAll("[data-testid=segment-link]").Select(a => a.TextContent));
        Assert.Equal(["12,000", "9", "2"], chart.FindAll("[data-testid=segment-members]").Select(m => m.TextContent));
    }

    [Fact]
    public void Bars_OneSeriesPerSegment_ColouredLikeTheLegend()
    {
        var chart = Render<CustomersBySegmentChart>(p => p.Add(c => c.Sizes, ThreeSegments));

        var bars = chart.FindComponent<MudChart<int>>().Instance;
        Assert.Equal(["Key accounts", "முக்கிய வாடிக்கையாளர்கள்", "No contact in 90 days"], bars.ChartSeries.Select(s => s.Name));
        Assert.Equal([12000, 9, 2], bars.ChartSeries.Select(s => s.Data.Values.Single()));
        var swatches = chart.FindAll("[data-testid=segments-legend] li span[aria-hidden]").Select(s => s.GetAttribute("style")!);
        Assert.All(bars.ChartOptions!.ChartPalette.Take(3).Zip(swatches), pair => Assert.Contains(pair.First, pair.Second));
    }

    [Fact]
    public async Task Bar_Selected_OpensThatSegmentsCustomers()
    {
        var chart = Render<CustomersBySegmentChart>(p => p.Add(c => c.Sizes, ThreeSegments));

        await chart.InvokeAsync(() => chart.FindComponent<MudChart<int>>().Instance.SelectedIndexChanged.InvokeAsync(1));

        Assert.EndsWith("/customers?segment=3", Navigation.Uri);
    }

    [Fact]
    public void SmallerSegments_LeftOut_AreCounted()
    {
        var chart = Render<CustomersBySegmentChart>(p => p.Add(c => c.Sizes, ThreeSegments with { Others = 4 }));

        Assert.Contains("and 4 smaller segments", chart.Markup);
    }

    [Fact]
    public void NoSegments_SaysWhatSegmentsAre()
    {
        var chart = Render<CustomersBySegmentChart>(p => p.Add(c => c.Sizes, new SegmentSizes([], 0, null)));

        Assert.Contains("No segments yet", chart.Find("[data-testid=segments-chart-empty]").TextContent);
        Assert.Empty(chart.FindComponents<MudChart<int>>());
    }
}
