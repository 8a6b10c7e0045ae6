using Bunit;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Tests.Components;

namespace CrmBlazor.Host.Tests.Features.Dashboard;

public sealed class OpenCasesListTests : ComponentTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_ComplaintsAndInquiries_AreShownApart()
    {
        var list = Render<OpenCasesList>(p => p.Add(l => l.Summary, new OpenCaseSummary(3, 8, [Case(1, "Chennai Software", 5)])).Add(l => l.Now, Now));

        Assert.Equal("3", list.Find("[data-testid=open-complaints]").TextContent);
        Assert.Equal("8", list.Find("[data-testid=open-inquiries]").TextContent);
    }

    [Fact]
    public void Oldest_EachCase_LinksToItsCustomerWithItsAgeAndOwner()
    {
        var summary = new OpenCaseSummary(1, 1, [Case(42, "கோயம்புத்தூர் ஜவுளி", 16, "Meera Iyer"), Case(7, "کراچی لاجسٹکس", 1, owner: null)]);

        var list = Render<OpenCasesList>(p => p.Add(l => l.Summary, summary).Add(l => l.Now, Now));

        Assert.Equal(["/customers/42", "/customers/7"], list.FindAll("a[data-testid=open-case]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["கோயம்புத்தூர் ஜவுளி", "کراچی لاجسٹکس"], list.FindAll("[data-testid=open-case-customer]").Select(c => c.TextContent));
        Assert.Equal(["16 days", "1 day"], list.FindAll("[data-testid=open-case-age]").Select(a => a.TextContent));
        Assert.Equal(["Handled by Meera Iyer", "Nobody handles it yet"], list.FindAll("[data-testid=open-case-owner]").Select(o => o.TextContent));
    }

    [Fact]
    public void Age_CameInToday_SaysToday()
    {
        var list = Render<OpenCasesList>(p => p.Add(l => l.Summary, new OpenCaseSummary(1, 0, [Case(1, "Chennai Software", 0)])).Add(l => l.Now, Now));

        Assert.Equal("today", list.Find("[data-testid=open-case-age]").TextContent);
    }

    [Fact]
    public void NothingOpen_SaysNothingIsWaiting()
    {
        var list = Render<OpenCasesList>(p => p.Add(l => l.Summary, new OpenCaseSummary(0, 0, [])).Add(l => l.Now, Now));

        Assert.Equal("No complaint or inquiry is waiting for an answer.", list.Find("[data-testid=open-cases-empty]").TextContent);
        Assert.Empty(list.FindAll("[data-testid=open-case]"));
    }

    private static OpenCase Case(long customerId, string customer, int daysOld, string? owner = "Ravi Shankar") =>
        new(customerId * 100, customerId, customer, InteractionChannel.Complaint, "Slow response", Now.AddDays(-daysOld).AddMinutes(-5), owner);
}
