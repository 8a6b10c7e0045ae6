using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>
/// Membership follows the data: a refresh, inline or as <see cref="SegmentRefreshJob"/> through the
/// job scheduler and Hangfire, adds customers that started matching and removes those that stopped.
/// </summary>
public abstract class SegmentRefreshTests(CrmHostFixture fixture)
{
    private readonly CrmHostFactory _host = fixture.Host;
    private readonly string _tag = "refresh-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Refresh_CustomersChangedTheirTags_RemovesTheOneThatStoppedMatchingAndAddsTheNewOne()
    {
        var leaving = await new CustomerSituation().Tagged(_tag).SaveAsync(_host);
        var joining = await new CustomerSituation().SaveAsync(_host);
        var segment = await TaggedSegment().SaveAsync(_host);
        await RetagAsync(leaving, []);
        await RetagAsync(joining, [_tag]);

        await RefreshAsync(segment);

        Assert.Equal([joining], await SegmentMembership.AmongAsync(_host, segment, leaving, joining));
    }

    [Fact]
    public async Task Refresh_CustomerArchived_RemovesIt()
    {
        var customer = await new CustomerSituation().Tagged(_tag).SaveAsync(_host);
        var segment = await TaggedSegment().SaveAsync(_host);
        await ArchiveAsync(customer);

        await RefreshAsync(segment);

        Assert.Empty(await SegmentMembership.AmongAsync(_host, segment, customer));
    }

    [Fact]
    public async Task Refresh_AfterChanges_StoresTheMemberCountTheLiveCountGives()
    {
        await new CustomerSituation().Tagged(_tag).SaveAsync(_host);
        var builder = TaggedSegment();
        var segment = await builder.SaveAsync(_host);
        await new CustomerSituation().Tagged(_tag).SaveAsync(_host);

        var result = await RefreshAsync(segment);

        var (liveCount, _) = await SegmentBuilder.AsManagerAsync(_host, s => s.CountAsync(builder.Definition));
        Assert.Equal(2, liveCount);
        Assert.Equal(liveCount, result.MemberCount);
        Assert.Equal(liveCount, (await SegmentBuilder.AsManagerAsync(_host, s => s.GetAsync(segment)))!.MemberCount);
    }

    [Fact]
    public async Task RefreshJob_QueuedForOneSegment_LeavesTheMembershipTheRulesDescribe()
    {
        var leaving = await new CustomerSituation().Tagged(_tag).SaveAsync(_host);
        var joining = await new CustomerSituation().SaveAsync(_host);
        var segment = await TaggedSegment().SaveAsync(_host);
        await RetagAsync(leaving, []);
        await RetagAsync(joining, [_tag]);

        var (queued, runId) = await SegmentBuilder.AsManagerAsync(_host, s => s.QueueRefreshAsync(segment));
        var run = await JobRuns.FinishedAsync(_host, runId!.Value);

        Assert.True(queued.Succeeded);
        Assert.Equal(JobRunState.Succeeded, run.State);
        Assert.Equal([joining], await SegmentMembership.OfAsync(_host, segment));
    }

    [Fact]
    public async Task RefreshJob_QueuedWithoutArguments_RefreshesEverySegment()
    {
        var first = await TaggedSegment().SaveAsync(_host);
        var second = await TaggedSegment().MatchingAny().SaveAsync(_host);
        var customer = await new CustomerSituation().Tagged(_tag).SaveAsync(_host);

        var run = await JobRuns.FinishedAsync(_host, await _host.InScopeAsync(s => s.GetRequiredService<IJobScheduler>().EnqueueAsync<SegmentRefreshJob>()));

        Assert.Equal(JobRunState.Succeeded, run.State);
        Assert.Equal([customer], await SegmentMembership.OfAsync(_host, first));
        Assert.Equal([customer], await SegmentMembership.OfAsync(_host, second));
    }

    [Fact]
    public async Task Refresh_TwoAtOnceOfTheSameSegment_BothEndWithTheSameMembership()
    {
        var customers = await ManyTaggedCustomersAsync(300);
        var segment = await TaggedSegment().SaveAsync(_host);
        await ForgetMembersAsync(segment);

        var results = await Task.WhenAll(RefreshAsync(segment), RefreshAsync(segment));

        Assert.All(results, r => Assert.Equal(SegmentRefreshStatus.Refreshed, r.Status));
        Assert.Equal(customers, await SegmentMembership.OfAsync(_host, segment));
    }

    [Fact]
    public async Task QueueRefresh_StaffWithoutManagePermission_IsRefusedAndQueuesNothing()
    {
        var segment = await TaggedSegment().SaveAsync(_host);
        var staff = await _host.CreateUserAsync(CrmRoles.Staff);

        var (result, runId) = await _host.AsUserAsync(staff, s => s.GetRequiredService<SegmentService>().QueueRefreshAsync(segment));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Null(runId);
    }

    private SegmentBuilder TaggedSegment() => new SegmentBuilder().Where(SegmentFields.Tag, SegmentOperator.HasTag, _tag);

    private Task<SegmentRefreshResult> RefreshAsync(long segment) =>
        _host.InScopeAsync(services => services.GetRequiredService<SegmentService>().RefreshAsync(segment));

    private Task<int> InContextAsync(Func<CrmDbContext, Task<int>> action) => _host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await action(db);
    });

    private Task<int> RetagAsync(long customerId, string[] tags) => InContextAsync(async db =>
    {
        var customer = await db.Customers.Include(c => c.Tags).SingleAsync(c => c.Id == customerId);
        customer.Tags.Clear();
        foreach (var name in tags)
        {
            var key = CustomerService.TagKey(name);
            customer.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key) ?? new Tag { Name = name, NormalizedName = key });
        }

        return await db.SaveChangesAsync();
    });

    private Task<int> ArchiveAsync(long customerId) =>
        InContextAsync(db => db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsArchived, true)));

    private Task<int> ForgetMembersAsync(long segmentId) =>
        InContextAsync(db => db.SegmentMembers.Where(m => m.SegmentId == segmentId).ExecuteDeleteAsync());

    private async Task<long[]> ManyTaggedCustomersAsync(int count)
    {
        await new CustomerSituation().Tagged(_tag).SaveAsync(_host);
        await InContextAsync(async db =>
        {
            var tag = await db.Tags.SingleAsync(t => t.NormalizedName == CustomerService.TagKey(_tag));
            for (var i = 1; i < count; i++)
            {
                var customer = new Customer { Name = $"Bulk customer {i} {_tag}", CreatedAt = DateTimeOffset.UtcNow };
                customer.Tags.Add(tag);
                db.Customers.Add(customer);
            }

            return await db.SaveChangesAsync();
        });
        return await _host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var key = CustomerService.TagKey(_tag);
            return await db.Customers.Where(c => c.Tags.Any(t => t.NormalizedName == key)).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync();
        });
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SegmentRefreshTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SegmentRefreshTests(fixture);
}
