using Bunit;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;

namespace CrmBlazor.Host.Tests.Features.Dashboard;

public sealed class CustomerNumbersTilesTests : ComponentTestContext
{
    [Fact]
    public void Numbers_EnglishIndia_AreGroupedByLakh()
    {
        using var culture = CultureScope.Of("en-IN");

        var tiles = Render<CustomerNumbersTiles>(p => p.Add(t => t.Numbers, new CustomerNumbers(Active: 123456, NewThisMonth: 1200, Quiet: 45678)));

        Assert.Equal("1,23,456", Number(tiles, "customers-active"));
        Assert.Equal("1,200", Number(tiles, "customers-new"));
        Assert.Equal("45,678", Number(tiles, "customers-quiet"));
    }

    [Fact]
    public void ActiveCustomers_LinkToTheCustomerList()
    {
        var tiles = Render<CustomerNumbersTiles>(p => p.Add(t => t.Numbers, new CustomerNumbers(3, 1, 0)));

        Assert.Equal("/customers", tiles.Find("[data-testid=customers-active] a").GetAttribute("href"));
    }

    [Fact]
    public void QuietCustomers_LabelNamesTheNumberOfDays()
    {
        var tiles = Render<CustomerNumbersTiles>(p => p.Add(t => t.Numbers, new CustomerNumbers(3, 1, 2)));

        Assert.Contains("No interaction in the last 90 days", tiles.Find("[data-testid=customers-quiet]").TextContent);
    }

    [Fact]
    public void NoCustomers_SaysHowToStart()
    {
        var tiles = Render<CustomerNumbersTiles>(p => p.Add(t => t.Numbers, new CustomerNumbers(0, 0, 0)));

        Assert.Contains("No customers yet", tiles.Find("[data-testid=customer-numbers-empty]").TextContent);
    }

    [Fact]
    public void SomeCustomers_ShowNoEmptyText()
    {
        var tiles = Render<CustomerNumbersTiles>(p => p.Add(t => t.Numbers, new CustomerNumbers(1, 0, 1)));

        Assert.Empty(tiles.FindAll("[data-testid=customer-numbers-empty]"));
    }

    private static string Number(IRenderedComponent<CustomerNumbersTiles> tiles, string tile) =>
        tiles.Find($"[data-testid={tile}] bdi").TextContent;
}
