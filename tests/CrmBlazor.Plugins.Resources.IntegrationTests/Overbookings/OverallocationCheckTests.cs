using System.Globalization;
using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Resources;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Overbookings;

/// <summary>
/// The daily over-allocation check: a person-week newly above capacity (across all projects) is recorded,
/// published as "resources.allocation-overbooked" and mailed to the person's manager once, however often
/// the check runs; a week no longer over is resolved and published, without mail; a week over again after
/// that is reported and mailed anew. The weeks are the week after next and the one after it, inside the
/// check's twelve weeks whatever day the tests run.
/// </summary>
public abstract class OverallocationCheckTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = ThisMonday().AddDays(14);
    private static readonly DateOnly Sunday = Monday.AddDays(6);

    [Fact]
    public async Task Check_RunTwiceOnANewOverAllocation_MailsTheManagerOnceAndPublishesOnce()
    {
        var team = await ArrangeAsync();
        await OverbookAsync(team);

        await fixture.Resources.RunOverallocationCheckAsync();
        await fixture.Resources.RunOverallocationCheckAsync();

        var mail = Assert.Single(await MailsAsync(team.PersonId));
        Assert.Contains(team.Manager.User.Email, mail.Recipients, StringComparison.Ordinal);
        Assert.Equal($"{team.Name} is planned above capacity in week {Week(Monday)} of {Year(Monday)}", mail.Subject);
        Assert.Contains($"46 h of 37.5 h in week {Week(Monday)} of {Year(Monday)}", mail.HtmlBody, StringComparison.Ordinal);
        var overbooked = Assert.Single(await OverbookedAsync(team.PersonId));
        Assert.Equal(
            new AllocationOverbooked(team.PersonId, team.Staff.Id, team.Name, team.Manager.Id, Monday, 2250, 2760),
            overbooked);
        Assert.Empty(await ResolvedAsync(team.PersonId));
    }

    [Fact]
    public async Task Check_ManagerWhoChoseTamil_GetsTheMailInTamil()
    {
        var team = await ArrangeAsync();
        await fixture.Host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CrmUser>>();
            var manager = (await users.FindByIdAsync(team.Manager.Id))!;
            manager.Culture = "ta-IN";
            Assert.True((await users.UpdateAsync(manager)).Succeeded);
        });
        await OverbookAsync(team);

        await fixture.Resources.RunOverallocationCheckAsync();

        var mail = Assert.Single(await MailsAsync(team.PersonId));
        Assert.Equal($"{team.Name} {Year(Monday)} ஆம் ஆண்டின் வாரம் {Week(Monday)} இல் திறனுக்கு மேல் திட்டமிடப்பட்டுள்ளார்", mail.Subject);
    }

    [Fact]
    public async Task Check_OverAllocationResolved_PublishesTheResolutionAndMailsNothing()
    {
        var team = await ArrangeAsync();
        var second = await OverbookAsync(team);
        await fixture.Resources.RunOverallocationCheckAsync();

        await ChangeSecondAsync(team, second, hours: 5m);
        await fixture.Resources.RunOverallocationCheckAsync();
        await fixture.Resources.RunOverallocationCheckAsync();

        Assert.Single(await MailsAsync(team.PersonId));
        var resolved = Assert.Single(await ResolvedAsync(team.PersonId));
        Assert.Equal((Monday, 2250, 2100), (resolved.WeekStart, resolved.CapacityMinutes, resolved.AllocatedMinutes));
        Assert.DoesNotContain((await fixture.Resources.OpenOverbookingsAsync(team.Manager)).Listed, o => o.PersonId == team.PersonId);
    }

    [Fact]
    public async Task Check_OverAllocationResolvedAndRecurring_MailsAndPublishesAgain()
    {
        var team = await ArrangeAsync();
        var second = await OverbookAsync(team);
        await fixture.Resources.RunOverallocationCheckAsync();
        await ChangeSecondAsync(team, second, hours: 5m);
        await fixture.Resources.RunOverallocationCheckAsync();

        await ChangeSecondAsync(team, second, hours: 10m);
        await fixture.Resources.RunOverallocationCheckAsync();
        await fixture.Resources.RunOverallocationCheckAsync();

        var prefix = $"resources:overbooked:{team.PersonId}:{Monday:yyyy-MM-dd}:";
        Assert.Equal([prefix + "1", prefix + "2"], (await MailsAsync(team.PersonId)).Select(m => m.Key));
        Assert.Equal([2760, 2400], (await OverbookedAsync(team.PersonId)).Select(e => e.AllocatedMinutes));
        Assert.Single(await ResolvedAsync(team.PersonId));
    }

    [Fact]
    public async Task Check_SeveralWeeksNewlyOver_RecordsEachWeekAndSendsOneMailListingThem()
    {
        var team = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(team.Admin, team.PersonId, team.First, Monday, Sunday.AddDays(7), hours: 40m, confirm: true)).Saved);

        await fixture.Resources.RunOverallocationCheckAsync();

        var mail = Assert.Single(await MailsAsync(team.PersonId));
        Assert.Contains($"{IsoName(Monday)}, {IsoName(Monday.AddDays(7))}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal([Monday, Monday.AddDays(7)], (await OverbookedAsync(team.PersonId)).Select(e => e.WeekStart).Order());
    }

    [Fact]
    public async Task Check_PersonWithoutAManager_IsRecordedAndPublishedWithoutMail()
    {
        var team = await ArrangeAsync(withManager: false);
        await OverbookAsync(team);

        await fixture.Resources.RunOverallocationCheckAsync();

        Assert.Empty(await MailsAsync(team.PersonId));
        Assert.Null(Assert.Single(await OverbookedAsync(team.PersonId)).ManagerUserId);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM resources_overbookings WHERE \"PersonId\" = @p0 AND \"ResolvedAt\" IS NULL AND \"MessageKey\" IS NULL", team.PersonId));
    }

    [Fact]
    public async Task Check_PlaceholderAboveCapacity_IsReportedToItsManagerWithoutAUser()
    {
        var team = await ArrangeAsync();
        var placeholder = await fixture.Resources.AddPersonAsync(team.Admin, new DateOnly(2026, 1, 5), manager: team.Manager);
        Assert.True((await fixture.Resources.AllocateAsync(team.Admin, placeholder, team.First, Monday, Sunday, hours: 45m, confirm: true)).Saved);

        await fixture.Resources.RunOverallocationCheckAsync();

        var overbooked = Assert.Single(await OverbookedAsync(placeholder));
        Assert.Null(overbooked.UserId);
        Assert.Equal((team.Manager.Id, 2700), (overbooked.ManagerUserId, overbooked.AllocatedMinutes));
        Assert.Contains(team.Manager.User.Email, Assert.Single(await MailsAsync(placeholder)).Recipients, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PersonWithinCapacity_IsNotReported()
    {
        var team = await ArrangeAsync();
        Assert.True((await fixture.Resources.AllocateAsync(team.Admin, team.PersonId, team.First, Monday, Sunday, hours: 37.5m)).Saved);

        await fixture.Resources.RunOverallocationCheckAsync();

        Assert.Empty(await OverbookedAsync(team.PersonId));
        Assert.Empty(await MailsAsync(team.PersonId));
    }

    private async Task<Team> ArrangeAsync(bool withManager = true)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var first = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var second = await fixture.Resources.CreateProjectAsync(admin, customer.Id);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff, manager: withManager ? manager : null);
        return new Team(admin, manager, staff, person, staff.User.Email, first, second);
    }

    // 30 h on one project and 16 h on the other: 46 h of 37.5 h, confirmed by the planner.
    private async Task<long> OverbookAsync(Team team)
    {
        Assert.True((await fixture.Resources.AllocateAsync(team.Admin, team.PersonId, team.First, Monday, Sunday, hours: 30m)).Saved);
        var outcome = await fixture.Resources.AllocateAsync(team.Admin, team.PersonId, team.Second, Monday, Sunday, hours: 16m, confirm: true);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        return outcome.Id!.Value;
    }

    private async Task ChangeSecondAsync(Team team, long allocationId, decimal hours)
    {
        var current = (await fixture.Resources.AllocationsOfAsync(team.Admin, team.PersonId, Monday, Sunday)).Single(a => a.Id == allocationId);
        var outcome = await fixture.Resources.ChangeAllocationAsync(team.Admin, allocationId, current.RowVersion, team.PersonId, team.Second, Monday, Sunday, hours, confirm: true);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
    }

    private Task<List<QueuedMail>> MailsAsync(long personId) => HostRecords.MailsAsync(fixture.Host, $"resources:overbooked:{personId}:");

    private async Task<List<AllocationOverbooked>> OverbookedAsync(long personId) =>
        [.. (await HostRecords.EventsAsync<AllocationOverbooked>(fixture.Host)).Where(e => e.PersonId == personId)];

    private async Task<List<AllocationResolved>> ResolvedAsync(long personId) =>
        [.. (await HostRecords.EventsAsync<AllocationResolved>(fixture.Host)).Where(e => e.PersonId == personId)];

    private static DateOnly ThisMonday()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }

    private static int Week(DateOnly monday) => ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));

    private static int Year(DateOnly monday) => ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue));

    private static string IsoName(DateOnly monday) =>
        string.Create(CultureInfo.InvariantCulture, $"{Year(monday)}-W{Week(monday):00}");

    private sealed record Team(Person Admin, Person Manager, Person Staff, long PersonId, string Name, long First, long Second);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : OverallocationCheckTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : OverallocationCheckTests(fixture);
}
