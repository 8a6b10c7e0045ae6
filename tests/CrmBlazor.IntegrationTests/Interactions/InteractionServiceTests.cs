using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Interactions;

/// <summary>Logging interactions of every channel and reading them back on the one timeline.</summary>
public abstract class InteractionServiceTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData(InteractionChannel.Call, InteractionStatus.None)]
    [InlineData(InteractionChannel.Email, InteractionStatus.None)]
    [InlineData(InteractionChannel.Meeting, InteractionStatus.None)]
    [InlineData(InteractionChannel.Note, InteractionStatus.None)]
    [InlineData(InteractionChannel.Complaint, InteractionStatus.Open)]
    [InlineData(InteractionChannel.Inquiry, InteractionStatus.Open)]
    [InlineData(InteractionChannel.WebForm, InteractionStatus.None)]
    [InlineData(InteractionChannel.InStoreVisit, InteractionStatus.None)]
    public async Task Log_OfEveryChannel_AppearsOnTheTimelineWithItsStatus(InteractionChannel channel, InteractionStatus status)
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var input = new InteractionInput
        {
            Channel = channel,
            Direction = channel == InteractionChannel.Note ? InteractionDirection.Internal : InteractionDirection.Inbound,
            OccurredAt = DateTimeOffset.UtcNow.AddHours(-1),
            Subject = "ಗ್ರಾಹಕರ ಕರೆ: " + channel,
        };

        var result = await fixture.Host.AsUserAsync(staff, s => s.GetRequiredService<InteractionService>().LogAsync(customer.Id, input));
        var (items, _) = await TimelineAsync(customer.Id, new TimelineFilter());

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        var item = Assert.Single(items);
        Assert.Equal(channel.ToString(), item.Kind);
        Assert.Equal(input.Subject, item.Title);
        Assert.Equal(status, item.Status);
    }

    [Fact]
    public async Task Log_MovesTheCustomersLastInteractionForwardButNeverBack()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var recent = DateTimeOffset.UtcNow.AddDays(-2);

        await LogAsync(staff, customer.Id, InteractionChannel.Call, recent);
        await LogAsync(staff, customer.Id, InteractionChannel.Email, recent.AddDays(-30));

        var last = await fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.Customers.Where(c => c.Id == customer.Id).Select(c => c.LastInteractionAt).SingleAsync();
        });
        Assert.Equal(recent.UtcTicks / TimeSpan.TicksPerMillisecond, last!.Value.UtcTicks / TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public async Task Log_DoesNotMakeAConcurrentEditOfTheCustomerConflict()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var copy = await fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(customer.Id))!));

        await LogAsync(manager, customer.Id, InteractionChannel.Call, DateTimeOffset.UtcNow);
        copy.Industry = "Consulting";
        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(customer.Id, copy));

        Assert.Equal(ChangeStatus.Saved, result.Status);
    }

    [Fact]
    public async Task Timeline_FilteredByChannel_AndPagedOlder_ShowsEachItemOnce()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        for (var i = 0; i < 7; i++)
        {
            await LogAsync(staff, customer.Id, i % 2 == 0 ? InteractionChannel.Call : InteractionChannel.Email, start.AddHours(i));
        }

        var calls = new List<TimelineItem>();
        TimelineCursor? cursor = null;
        bool hasMore;
        do
        {
            var filter = new TimelineFilter(Channels: new HashSet<InteractionChannel> { InteractionChannel.Call });
            (var page, hasMore) = await TimelineAsync(customer.Id, filter, cursor, pageSize: 2);
            calls.AddRange(page);
            cursor = page.Count > 0 ? page[^1].Cursor : cursor;
        }
        while (hasMore);

        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(nameof(InteractionChannel.Call), c.Kind));
        Assert.Equal(calls.OrderByDescending(c => c.OccurredAt).Select(c => c.Id), calls.Select(c => c.Id));
        Assert.Equal(4, calls.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Resolve_OfAnOpenComplaint_MarksItResolvedAndAStaleSecondResolveConflicts()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var id = await LogAsync(staff, customer.Id, InteractionChannel.Complaint, DateTimeOffset.UtcNow.AddHours(-3));
        var (items, _) = await TimelineAsync(customer.Id, new TimelineFilter(OpenOnly: true));
        var seen = Assert.Single(items);

        var resolved = await fixture.Host.AsUserAsync(staff, s => s.GetRequiredService<InteractionService>().SetResolvedAsync(id, true, "Refund agreed", seen.RowVersion));
        var stale = await fixture.Host.AsUserAsync(staff, s => s.GetRequiredService<InteractionService>().SetResolvedAsync(id, false, null, seen.RowVersion));

        Assert.Equal(ChangeStatus.Saved, resolved.Status);
        Assert.Equal(ChangeStatus.Conflict, stale.Status);
        Assert.Empty((await TimelineAsync(customer.Id, new TimelineFilter(OpenOnly: true))).Items);
    }

    [Fact]
    public async Task Log_WithAContactOfAnotherCustomer_IsRefused()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var other = await new CustomerBuilder().SaveAsync(fixture.Host);
        var contact = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().SaveContactAsync(other.Id, null, new ContactInput { Name = "Isla Fraser" }));

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<InteractionService>().LogAsync(customer.Id,
            new InteractionInput { Subject = "Call", ContactIds = [contact.Id!.Value] }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task Log_InTheFuture_IsRefusedWithAClearMessage()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var result = await fixture.Host.AsUserAsync(staff, s => s.GetRequiredService<InteractionService>().LogAsync(customer.Id,
            new InteractionInput { Subject = "Call", OccurredAt = DateTimeOffset.UtcNow.AddDays(5) }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Contains("An interaction cannot lie in the future; use a date up to today.", result.Messages.Select(p => p.Text));
    }

    private async Task<long> LogAsync(TestUser user, long customerId, InteractionChannel channel, DateTimeOffset occurredAt)
    {
        var input = new InteractionInput
        {
            Channel = channel,
            Direction = channel == InteractionChannel.Note ? InteractionDirection.Internal : InteractionDirection.Outbound,
            OccurredAt = occurredAt,
            Subject = channel + " at " + occurredAt.ToString("O"),
        };
        var result = await fixture.Host.AsUserAsync(user, s => s.GetRequiredService<InteractionService>().LogAsync(customerId, input));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    }

    private Task<(IReadOnlyList<TimelineItem> Items, bool HasMore)> TimelineAsync(long customerId, TimelineFilter filter, TimelineCursor? after = null, int pageSize = 25) =>
        fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await InteractionQueries.TimelinePageAsync(db, customerId, filter, after, pageSize);
        });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : InteractionServiceTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : InteractionServiceTests(fixture);
}
