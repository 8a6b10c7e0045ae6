using System.Globalization;
using Acme.Tickets.Features;
using Bunit;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Extensions.DependencyInjection;

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
        // Said under the field only, not again in the alert above the form.
        Assert.Empty(page.FindAll("[data-testid='change-error']"));
    }

    [Fact]
    public void Page_WithoutEntries_SaysSo()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var page = _context.Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.Equal("No entries yet.", page.Find("[data-testid='acme-tickets-empty']").TextContent.Trim()));
    }

    [Fact]
    public async Task Page_AddedColumn_ShowsTheTimeOnTheUsersClockNotInUtc()
    {
        var added = new DateTimeOffset(2026, 12, 6, 20, 0, 0, TimeSpan.Zero);
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        _context.UseTimeZone(kolkata).Services.AddSingleton<TimeProvider>(new FixedClock(added));
        await _context.Services.GetRequiredService<EntryService>().AddAsync(new EntryInput { Title = "Printer on the second floor" });

        var page = _context.Render<TicketsPage>();

        // 20:00 UTC is 01:30 the next day in India.
        page.WaitForAssertion(() => Assert.Contains(new DateTime(2026, 12, 7, 1, 30, 0).ToString("g", CultureInfo.CurrentCulture), page.Find("[data-testid='acme-tickets-grid']").TextContent));
        Assert.DoesNotContain(added.ToString("g", CultureInfo.CurrentCulture), page.Find("[data-testid='acme-tickets-grid']").TextContent);
    }

    [Fact]
    public void Tab_ForACustomerWithoutEntries_SaysSo()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var tab = _context.Render<TicketsCustomerTab>(parameters => parameters.Add(t => t.CustomerId, 42));

        tab.WaitForAssertion(() => Assert.Equal("No entries yet.", tab.Find("[data-testid='acme-tickets-customer-empty']").TextContent.Trim()));
    }

    [Fact]
    public async Task Service_ForARoleWithoutThePermission_RefusesToAdd()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Accountant);
        var service = _context.Services.GetService(typeof(EntryService)) as EntryService;

        var result = await service!.AddAsync(new EntryInput { Title = "Not allowed" });

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task Service_AddingAnEntry_SavesItWithTheTimeOfTheClock()
    {
        var now = new DateTimeOffset(2026, 12, 6, 9, 15, 0, TimeSpan.Zero);
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        _context.Services.AddSingleton<TimeProvider>(new FixedClock(now));
        var service = _context.Services.GetRequiredService<EntryService>();

        var result = await service.AddAsync(new EntryInput { Title = "  Printer on the second floor ", CustomerId = 7 });

        Assert.Equal(ChangeStatus.Saved, result.Status);
        var entry = Assert.Single(await service.ListAsync());
        Assert.Equal(result.Id, entry.Id);
        Assert.Equal("Printer on the second floor", entry.Title);
        Assert.Equal(7, entry.CustomerId);
        Assert.Equal(now, entry.CreatedAt);
    }

    /// <summary>A clock stopped at one instant, so that a test knows what an entry's time is.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
