using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Interactions;

/// <summary>
/// Plugins' follow-ups (<see cref="IFollowUps"/>): open complaints, one per key also when opened several
/// times at once (a job run again after a crash), whose state plugins read back.
/// </summary>
public abstract class FollowUpTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Open_TheSameKeyManyTimesAtOnce_OpensOneComplaint_ReadBackAsOpen()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var key = "fixture:" + Guid.NewGuid().ToString("N");
        var request = new FollowUpRequest(key, customer.Id, null, "ಕಡಿಮೆ ಅಂಕ: NPS 2", "Body", null, DateTimeOffset.UtcNow);

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Host.InScopeAsync(s => s.GetRequiredService<IFollowUps>().OpenAsync(request))));
        var states = await fixture.Host.InScopeAsync(s => s.GetRequiredService<IFollowUps>().GetManyAsync([ids[0]!.Value, -1]));

        Assert.Single(ids.Distinct());
        var complaint = Assert.Single(await fixture.Host.InScopeAsync(s => s.GetRequiredService<CrmDbContext>().Interactions.Where(i => i.FollowUpKey == key).ToListAsync()));
        Assert.Equal((InteractionChannel.Complaint, InteractionStatus.Open), (complaint.Channel, complaint.Status));
        var state = Assert.Single(states.Values);
        Assert.Equal((complaint.Id, true, (string?)null), (state.Id, state.IsOpen, state.Note));
    }

    [Fact]
    public async Task Open_ForACustomerThatDoesNotExist_OpensNothing()
    {
        var id = await fixture.Host.InScopeAsync(s => s.GetRequiredService<IFollowUps>().OpenAsync(
            new FollowUpRequest("fixture:" + Guid.NewGuid().ToString("N"), long.MaxValue, null, "Subject", null, null, DateTimeOffset.UtcNow)));

        Assert.Null(id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : FollowUpTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : FollowUpTests(fixture);
}
