using Acme.Tickets.Features;
using Bunit;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Authorization;

namespace Acme.Tickets.Tests;

/// <summary>Component tests: the page and the tab rendered with bUnit and the host's services for components.</summary>
public sealed class TicketsPageTests : IAsyncLifetime
{
    private readonly PluginTestContext _context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Configure_RegistersTheMenuEntryAndTheRecurringJobOnTheSchedule()
    {
        _context.AddPlugin<TicketsPlugin>(new Dictionary<string, string?> { ["SummarySchedule"] = "30 5 * * 1-5" });

        Assert.Equal(TicketsPlugin.PagePath, Assert.Single(_context.Registrations.MenuItems).Href);
        Assert.Equal("30 5 * * 1-5", _context.Registrations.Jobs["daily-summary"].Cron);
    }

    [Fact]
    public void Page_AddingAnEntry_ShowsItInTheGrid()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var page = _context.Render<TicketsPage>();

        page.Find("input[data-testid='acme-tickets-title'], [data-testid='acme-tickets-title'] input").Change("Printer on the second floor");
        page.Find("[data-testid='acme-tickets-add']").Click();

        page.WaitForAssertion(() => Assert.Contains("Printer on the second floor", page.Find("[data-testid='acme-tickets-grid']").TextContent));
    }

    [Fact]
    public void Page_AddingWithoutATitle_ShowsWhyUnderTheField()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var page = _context.Render<TicketsPage>();

        page.Find("[data-testid='acme-tickets-add']").Click();

        page.WaitForAssertion(() => Assert.Contains("Enter a title.", page.Markup));
    }

    [Fact]
    public async Task Service_ForARoleWithoutThePermission_RefusesToAdd()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Accountant);
        var service = _context.Services.GetService(typeof(EntryService)) as EntryService;

        var result = await service!.AddAsync(new EntryInput { Title = "Not allowed" });

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }
}
