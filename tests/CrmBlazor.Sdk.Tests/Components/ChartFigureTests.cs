using Bunit;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Tests.Components;

public sealed class ChartFigureTests : KitTestContext
{
    private static readonly ChartTable InvoicedAndPaid = new("Month", ["Invoiced", "Paid"],
    [
        new ChartTableRow("October 2026", ["₹1,20,000.00", "₹80,000.00"]),
        new ChartTableRow("November 2026", ["₹95,500.00", "₹1,10,000.00"]),
    ]);

    [Fact]
    public void Figure_IsNamedByItsTitle()
    {
        var figure = RenderFigure();

        Assert.Equal("Invoiced and paid, last 6 months", figure.Find("figure").GetAttribute("aria-label"));
    }

    [Fact]
    public void Drawing_IsLeftToScreenReaders_AsATableOfTheSameFigures()
    {
        var figure = RenderFigure();

        Assert.Equal("true", figure.Find("[data-testid=chart-drawing]").GetAttribute("aria-hidden"));
        var table = figure.Find("[data-testid=chart-table] table");
        Assert.Equal("Invoiced and paid, last 6 months", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Month", "Invoiced", "Paid"], table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent));
        Assert.Equal(["October 2026", "November 2026"], table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent));
        Assert.Equal(["₹1,20,000.00", "₹80,000.00", "₹95,500.00", "₹1,10,000.00"], table.QuerySelectorAll("tbody td").Select(td => td.TextContent));
        // Out of sight, but not out of the accessibility tree (display: none would take it out).
        Assert.Contains("clip", figure.Find("[data-testid=chart-table]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toggle_ShowsTheTableInPlaceOfTheChart_AndBack()
    {
        var figure = RenderFigure();
        Assert.Equal("Show as table", figure.Find("[data-testid=chart-toggle]").TextContent.Trim());

        await figure.Find("[data-testid=chart-toggle]").ClickAsync(new());

        Assert.Contains("display: none", figure.Find("[data-testid=chart-drawing]").GetAttribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("clip", figure.Find("[data-testid=chart-table]").GetAttribute("style") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("Show as chart", figure.Find("[data-testid=chart-toggle]").TextContent.Trim());

        await figure.Find("[data-testid=chart-toggle]").ClickAsync(new());

        Assert.Null(figure.Find("[data-testid=chart-drawing]").GetAttribute("style"));
        Assert.Equal("Show as table", figure.Find("[data-testid=chart-toggle]").TextContent.Trim());
    }

    private IRenderedComponent<ChartFigure> RenderFigure() =>
        Render<ChartFigure>(p => p.Add(f => f.Title, "Invoiced and paid, last 6 months").Add(f => f.Table, InvoicedAndPaid).Add(f => f.Localizer, English)
            .Add(f => f.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<svg class=\"chart\"></svg>"))));
}
