using System.Globalization;
using Acme.Tickets.Features;
using Acme.Tickets.Jobs;
using Bunit;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Tickets.Tests;

/// <summary>
/// Component tests: the page, the tab, the service, the event handler and the job with bUnit and the
/// host's services (customers, timeline, jobs and events kept in memory by the test context).
/// </summary>
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
    public async Task Page_ChoosingACustomerAndAdding_ShowsTheCustomersNameInTheGrid()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        _context.Customers.Add("மதுரை நெசவாளர் கூட்டுறவு", "INR");
        var page = _context.RenderWithProviders<TicketsPage>();

        page.Find("input[data-testid='acme-tickets-title'], [data-testid='acme-tickets-title'] input").Change("Printer on the second floor");
        await page.Find("input[data-testid='acme-tickets-customer'], [data-testid='acme-tickets-customer'] input").InputAsync(new() { Value = "நெசவா" });
        var choice = page.WaitForElement(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(10));
        await choice.ClickAsync(new());
        page.Find("[data-testid='acme-tickets-add']").Click();

        page.WaitForAssertion(() => Assert.Contains("மதுரை நெசவாளர் கூட்டுறவு", page.Find("[data-testid='acme-tickets-grid']").TextContent), TimeSpan.FromSeconds(10));
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

        var customer = _context.Customers.Add("Tbilisi Print House", "GEL");

        var result = await service.AddAsync(new EntryInput { Title = "  Printer on the second floor ", CustomerId = customer.Id });

        Assert.Equal(ChangeStatus.Saved, result.Status);
        var entry = Assert.Single(await service.ListAsync());
        Assert.Equal(result.Id, entry.Id);
        Assert.Equal("Printer on the second floor", entry.Title);
        Assert.Equal(customer.Id, entry.CustomerId);
        Assert.Equal(now, entry.CreatedAt);
    }

    [Fact]
    public async Task Service_AddingAnEntryAboutACustomer_PublishesTicketAddedWithTheEntry()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var customer = _context.Customers.Add("Lahore Textile Mills", "PKR");

        var result = await _context.Services.GetRequiredService<EntryService>().AddAsync(new EntryInput { Title = "Printer jam", CustomerId = customer.Id });

        Assert.Equal(new TicketAdded(result.Id!.Value, customer.Id, "Printer jam"), Assert.Single(_context.Events.Of<TicketAdded>()));
    }

    [Fact]
    public async Task Service_AddingAnEntryAboutAnArchivedCustomer_RefusesUnderTheCustomerFieldAndSavesNothing()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        var archived = _context.Customers.Add("Kutaisi Wine House", "GEL", isArchived: true);
        var service = _context.Services.GetRequiredService<EntryService>();

        var result = await service.AddAsync(new EntryInput { Title = "Printer jam", CustomerId = archived.Id });

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(EntryService.UnknownCustomerMessage, Assert.Single(result.For(nameof(EntryInput.CustomerId))).Text);
        Assert.Empty(await service.ListAsync());
        Assert.Empty(_context.Events.Published);
    }

    [Fact]
    public async Task Handler_DeliveredTwice_LeavesOneEntryOnTheCustomersTimeline()
    {
        _context.AddPlugin<TicketsPlugin>();
        var handler = _context.Services.GetRequiredService<TicketAddedTimelineHandler>();
        var added = new TicketAdded(5, 3, "Printer jam");
        var delivery = new DomainEventContext(Guid.NewGuid(), DateTimeOffset.UtcNow, Attempt: 1);

        await handler.HandleAsync(added, delivery, CancellationToken.None);
        await handler.HandleAsync(added, delivery with { Attempt = 2 }, CancellationToken.None);

        var entry = Assert.Single(_context.Timeline.Entries);
        Assert.Equal((3L, TicketAddedTimelineHandler.Kind, "Printer jam"), (entry.CustomerId, entry.Kind, entry.Title));
        Assert.Contains(_context.Registrations.TimelineKinds, k => k.Id == entry.Kind);
    }

    [Fact]
    public async Task Job_Run_SucceedsAndRecordsTheSummary()
    {
        _context.AddPlugin<TicketsPlugin>().SignIn(CrmRoles.Staff);
        await _context.Services.GetRequiredService<EntryService>().AddAsync(new EntryInput { Title = "Printer jam" });

        var run = await _context.Jobs.RunAsync<DailySummaryJob>();

        Assert.Equal(JobRunState.Succeeded, run.State);
        Assert.Equal(100, run.Percent);
        Assert.Equal(TicketsPlugin.Id + ":" + DailySummaryJob.Key, run.JobId);
    }

    /// <summary>A clock stopped at one instant, so that a test knows what an entry's time is.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
