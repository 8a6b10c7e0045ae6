using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Audit;

/// <summary>
/// The administrators' audit log: its filters by owner, record type, record, who and period, and the
/// page that shows it to those allowed to read it.
/// </summary>
public abstract class AuditLogSearchTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Filter_ByOwner_GivesOnlyThatOwnersRecords()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        await FixtureAlpha.In(fixture.Host).AddNoteAsManagerAsync(customer.Id, "Visited the Chennai office");

        var entries = await SearchAsync(new AuditFilter { Owner = FixtureAlpha.Id });

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(FixtureAlpha.Id, e.Owner));
        Assert.Contains(entries, e => e.Entity == "Note" && Reader().Read(e).Any(c => c.After == "Visited the Chennai office"));
    }

    [Fact]
    public async Task Filter_ByRecordTypeAndKey_GivesThatRecordsChangesNewestFirst()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateCustomerAsync(manager, "Bengaluru Robotics");
        await RenameCustomerAsync(manager, id, "ಬೆಂಗಳೂರು ರೊಬೊಟಿಕ್ಸ್");
        await new CustomerBuilder().SaveAsync(fixture.Host);

        var entries = await SearchAsync(new AuditFilter { Owner = "crm", Entity = nameof(Customer), EntityKey = Key(id) });

        Assert.Equal(["Updated", "Created"], entries.Select(e => e.Action));
        var rename = Reader().Read(entries[0]).Single(c => c.Property == nameof(Customer.Name));
        Assert.Equal(("Bengaluru Robotics", "ಬೆಂಗಳೂರು ರೊಬೊಟಿಕ್ಸ್"), (rename.Before, rename.After));
    }

    [Fact]
    public async Task Filter_ByWho_GivesOnlyThatUsersChanges()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateCustomerAsync(manager, "Tbilisi Wine Traders");
        await new CustomerBuilder().SaveAsync(fixture.Host);

        var entries = await SearchAsync(new AuditFilter { Actor = await UserIdAsync(manager) });

        Assert.Equal([Key(id)], entries.Where(e => e.Entity == nameof(Customer)).Select(e => e.EntityKey));
        Assert.All(entries, e => Assert.Equal(manager.Email, e.ActorName));
    }

    [Fact]
    public async Task Filter_BySystem_GivesOnlyChangesWithoutAUser()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var entries = await SearchAsync(new AuditFilter { Actor = AuditFilter.SystemActor, Entity = nameof(Customer) });

        Assert.Contains(entries, e => e.EntityKey == Key(customer.Id));
        Assert.All(entries, e => Assert.Null(e.ActorId));
    }

    [Fact]
    public async Task Filter_ByDays_IncludesTheLastDayAndExcludesTheDayAfter()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var record = new AuditFilter { Entity = nameof(Customer), EntityKey = Key(customer.Id) };

        var (fromToday, untilTonight) = AuditFilter.Days(today, today, TimeZoneInfo.Utc);
        var (fromYesterday, untilLastNight) = AuditFilter.Days(today.AddDays(-1), today.AddDays(-1), TimeZoneInfo.Utc);
        var (fromTomorrow, _) = AuditFilter.Days(today.AddDays(1), null, TimeZoneInfo.Utc);

        Assert.Single(await SearchAsync(record with { From = fromToday, Until = untilTonight }));
        Assert.Empty(await SearchAsync(record with { From = fromYesterday, Until = untilLastNight }));
        Assert.Empty(await SearchAsync(record with { From = fromTomorrow }));
    }

    [Fact]
    public async Task CustomerHistory_TagAddedAndRemoved_ShowsBothWithTheTagsName()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateCustomerAsync(manager, "Mysuru Silk House");
        await ChangeCustomerAsync(manager, id, input => input.Tags = ["ರೇಷ್ಮೆ"]);
        await ChangeCustomerAsync(manager, id, input => input.Tags = []);

        var page = await AuditAsync(audit => audit.PageAsync(new AuditFilter { Owner = "crm", Entity = nameof(Customer), EntityKey = Key(id), IncludeCustomerRecords = true }, 0, 25));

        var tagChanges = page.Items.Where(e => e.Entity == AuditLabels.CustomerTagEntity).ToList();
        Assert.Equal(["Deleted", "Created"], tagChanges.Select(e => e.Action));
        Assert.Equal("ರೇಷ್ಮೆ", Reader(page.Names).Read(tagChanges[1]).Single(c => c.Property == "TagId").After);
        Assert.Equal("ರೇಷ್ಮೆ", Reader(page.Names).Read(tagChanges[0]).Single(c => c.Property == "TagId").Before);
    }

    [Fact]
    public async Task CustomerHistory_CustomerCreatedWithAnAddress_ShowsTheAddress()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await fixture.Host.AsUserAsync(manager, async services =>
        {
            var result = await services.GetRequiredService<CustomerService>().CreateAsync(
                new CustomerInput { Name = "Mysuru Sandalwood", Addresses = [new AddressInput { City = "ಮೈಸೂರು", Country = "IN" }] });
            return result.Id!.Value;
        });

        var page = await AuditAsync(audit => audit.PageAsync(new AuditFilter { Owner = "crm", Entity = nameof(Customer), EntityKey = Key(id), IncludeCustomerRecords = true }, 0, 25));

        var address = Assert.Single(page.Items, e => e.Entity == nameof(CustomerAddress));
        Assert.Equal("ಮೈಸೂರು", Reader().Read(address).Single(c => c.Property == nameof(CustomerAddress.City)).After);
    }

    [Fact]
    public async Task Owners_ListTheCoreAndThePluginsWithEntries()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        await FixtureAlpha.In(fixture.Host).AddNoteAsManagerAsync(customer.Id, "A note");

        var owners = await AuditAsync(audit => audit.OwnersAsync());
        var alphaEntities = await AuditAsync(audit => audit.EntitiesAsync(FixtureAlpha.Id));

        Assert.Contains("crm", owners);
        Assert.Contains(FixtureAlpha.Id, owners);
        Assert.Contains("Note", alphaEntities);
        Assert.DoesNotContain(nameof(Customer), alphaEntities);
    }

    [Fact]
    public async Task Page_NamesTheUsersItMentions()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var managerId = await UserIdAsync(manager);
        var id = await CreateCustomerAsync(manager, "Lahore Textiles");

        var page = await AuditAsync(audit => audit.PageAsync(new AuditFilter { Entity = nameof(Customer), EntityKey = Key(id) }, 0, 25));

        Assert.Equal(1, page.Total);
        Assert.Equal(manager.Email, page.Names.Users[managerId]);
        var owner = Reader(page.Names).Read(page.Items[0]).Single(c => c.Property == nameof(Customer.OwnerUserId));
        Assert.Equal(("Account manager", manager.Email), (owner.Label, owner.After));
    }

    [Fact]
    public async Task AuditPage_ForManager_IsShown()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.SignInAsync(manager);

        using var response = await client.GetAsync("/admin/audit");

        response.EnsureSuccessStatusCode();
        Assert.True((await HtmlPage.ReadAsync(response)).Has("audit-filters"));
    }

    [Fact]
    public async Task AuditPage_ForStaff_IsRefused()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);

        using var response = await client.GetAsync("/admin/audit");

        Responses.AssertAccessDenied(response);
    }

    private static AuditChangeReader Reader(AuditNames? names = null) =>
        new(names ?? AuditNames.None, System.Globalization.CultureInfo.InvariantCulture, TimeZoneInfo.Utc);

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<long> CreateCustomerAsync(TestUser user, string name) => fixture.Host.AsUserAsync(user, async services =>
    {
        var result = await services.GetRequiredService<CustomerService>().CreateAsync(new CustomerInput { Name = name });
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    });

    private Task RenameCustomerAsync(TestUser user, long id, string name) => ChangeCustomerAsync(user, id, input => input.Name = name);

    private Task ChangeCustomerAsync(TestUser user, long id, Action<CustomerInput> change) => fixture.Host.AsUserAsync(user, async services =>
    {
        var customers = services.GetRequiredService<CustomerService>();
        var customer = (await customers.GetAsync(id))!;
        var input = CustomerInput.From(customer);
        change(input);
        var result = await customers.UpdateAsync(id, input);
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    });

    private Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditFilter filter) => QueryAsync<IReadOnlyList<AuditEntry>>(async db =>
        await filter.Apply(db.AuditEntries).OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).ToListAsync());

    /// <summary>Asks the audit log's queries, as its pages do.</summary>
    private Task<T> AuditAsync<T>(Func<AuditQueries, Task<T>> query) =>
        fixture.Host.InScopeAsync(services => query(services.GetRequiredService<AuditQueries>()));

    private Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    private Task<string> UserIdAsync(TestUser user) => fixture.Host.InScopeAsync(async services =>
        (await services.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email))!.Id);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : AuditLogSearchTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : AuditLogSearchTests(fixture);
}
