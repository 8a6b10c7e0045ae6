using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Customers;

/// <summary>
/// Creating, changing and archiving customers through the service the pages use: validation, the
/// per-record rules and concurrent edits, on both providers.
/// </summary>
public abstract class CustomerServiceTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Update_FromAStaleCopy_IsRefusedWithAConflictAndKeepsTheFirstSave()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateAsync(manager, NewInput("சென்னை மென்பொருள் சேவைகள்"));
        var firstUsersCopy = await LoadInputAsync(id);
        var secondUsersCopy = await LoadInputAsync(id);

        firstUsersCopy.Industry = "IT services";
        var first = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, firstUsersCopy));
        secondUsersCopy.Industry = "Accounting";
        var second = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, secondUsersCopy));

        Assert.Equal(ChangeStatus.Saved, first.Status);
        Assert.Equal(ChangeStatus.Conflict, second.Status);
        Assert.Contains(CustomerService.ConflictMessage, second.Messages.Select(p => p.Text));
        Assert.Equal(["IT services"], await fixture.Database.ColumnAsync<string>("SELECT \"Industry\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task Update_AfterReloading_SavesTheSecondUsersChange()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateAsync(manager, NewInput("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ"));
        var stale = await LoadInputAsync(id);
        var fresh = await LoadInputAsync(id);
        fresh.Notes = "First";
        await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, fresh));

        var reloaded = await LoadInputAsync(id);
        reloaded.Notes = "Second, after reloading";
        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, reloaded));

        Assert.Equal(ChangeStatus.Saved, result.Status);
        Assert.NotEqual(stale.RowVersion, reloaded.RowVersion);
    }

    [Fact]
    public async Task Create_WithInvalidInput_IsRefusedWithEachFieldsMessageAndSavesNothing()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");
        var input = NewInput(string.Empty);
        input.Email = "not an address";
        input.Currency = "RUPEES";
        input.Addresses = [new AddressInput { Country = "India" }];

        var result = await fixture.Host.AsUserAsync(staff, s => s.GetRequiredService<CustomerService>().CreateAsync(input));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Contains("Enter the customer's name.", result.Errors[nameof(CustomerInput.Name)].Select(p => p.Text));
        Assert.Contains("Enter a valid e-mail address.", result.Errors[nameof(CustomerInput.Email)].Select(p => p.Text));
        Assert.Contains("Enter a three-letter ISO currency code, e.g. EUR or INR.", result.Errors[nameof(CustomerInput.Currency)].Select(p => p.Text));
        Assert.Contains("Enter a two-letter ISO country code, e.g. IN or GE.", result.Errors["Addresses[0].Country"].Select(p => p.Text));
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    [Fact]
    public async Task Create_NameWithADirectionOverride_IsRefusedAtItsPositionAndSavesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().CreateAsync(NewInput("Bidi \u202Egnp.exe Ltd")));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal("Remove the invisible control or text-direction character at position 6.", Assert.Single(result.Errors[nameof(CustomerInput.Name)]).ToString());
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    [Fact]
    public async Task Update_NulInTheNameOrALineBreakInTheCity_IsRefusedAndKeepsTheStoredCustomer()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateAsync(manager, NewInput("Acme Traders"));
        var input = await LoadInputAsync(id);
        input.Name = "Acme\u0000Traders";
        input.Addresses = [new AddressInput { Street = "12 MG Road\r\nFloor 3", City = "Pune\nEast" }];

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, input));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal(["Addresses[0].City", nameof(CustomerInput.Name)], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Acme Traders"], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", id));
        Assert.Equal(["சென்னை"], await fixture.Database.ColumnAsync<string>("SELECT \"City\" FROM crm_customer_addresses WHERE \"CustomerId\" = @p0", id));
    }

    [Fact]
    public async Task Create_UrduNameWithMarksAndAnIsolatedLatinName_IsSavedAsTyped()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        const string name = "\u200Fشرکت \u2068Acme (Pvt) Ltd\u2069 کراچی";
        var input = NewInput(name);
        input.Notes = "ذمہ\u200Cدار شخص: عائشہ\r\nفون کے بعد ای میل";

        var id = await CreateAsync(manager, input);

        Assert.Equal([name], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task SaveContact_RoleWithATab_IsRefused()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateAsync(manager, NewInput("Tbilisi Wine House"));

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>()
            .SaveContactAsync(id, null, new ContactInput { Name = "ნინო", Role = "Head\tof sales" }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(ContactInput.Role)));
    }

    [Fact]
    public async Task Update_ByStaffWhoIsNotTheAccountManager_IsForbidden()
    {
        var owner = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var colleague = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var id = await CreateAsync(owner, NewInput("ქუთაისის ღვინის სახლი"));
        var input = await LoadInputAsync(id);
        input.Industry = "Food and drink";

        var byColleague = await fixture.Host.AsUserAsync(colleague, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, input));
        var byOwner = await fixture.Host.AsUserAsync(owner, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, input));

        Assert.Equal(ChangeStatus.Forbidden, byColleague.Status);
        Assert.Equal(ChangeStatus.Saved, byOwner.Status);
    }

    [Fact]
    public async Task Create_ByAnAccountant_IsForbidden()
    {
        var accountant = await fixture.Host.CreateUserAsync(CrmRoles.Accountant);

        var result = await fixture.Host.AsUserAsync(accountant, s => s.GetRequiredService<CustomerService>().CreateAsync(NewInput("Northwind Accounting Ltd")));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task Archive_HidesTheCustomerFromTheListAndRestoreBringsItBack()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var name = "அமுதா " + Guid.NewGuid().ToString("N")[..6];
        var id = await CreateAsync(manager, NewInput(name));
        var version = (await LoadInputAsync(id)).RowVersion;

        var archived = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().SetArchivedAsync(id, true, version));
        var listedWhileArchived = await ListedAsync(name);
        var restored = await fixture.Host.AsUserAsync(manager, async s => await s.GetRequiredService<CustomerService>().SetArchivedAsync(id, false, (await LoadInputAsync(id)).RowVersion));

        Assert.Equal(ChangeStatus.Saved, archived.Status);
        Assert.DoesNotContain(id, listedWhileArchived);
        Assert.Equal(ChangeStatus.Saved, restored.Status);
        Assert.Contains(id, await ListedAsync(name));
    }

    [Fact]
    public async Task Contacts_AddedAndEdited_AreSavedWithOneMainContact()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await CreateAsync(manager, NewInput("અમદાવાદ ટેક્સટાઇલ્સ"));
        var service = (IServiceProvider s) => s.GetRequiredService<CustomerService>();

        var first = await fixture.Host.AsUserAsync(manager, s => service(s).SaveContactAsync(id, null, new ContactInput { Name = "હર્ષ પટેલ", Email = "harsh@example.test" }));
        var second = await fixture.Host.AsUserAsync(manager, s => service(s).SaveContactAsync(id, null, new ContactInput { Name = "નેહા શાહ", IsPrimary = true }));
        var invalid = await fixture.Host.AsUserAsync(manager, s => service(s).SaveContactAsync(id, null, new ContactInput { Name = "", Email = "nope" }));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(ChangeStatus.Invalid, invalid.Status);
        var main = await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_contacts WHERE \"CustomerId\" = @p0 AND \"IsPrimary\" = @p1", id, true);
        Assert.Equal(["નેહા શાહ"], main);
    }

    private static CustomerInput NewInput(string name) => new()
    {
        Name = name,
        Email = "office@" + Guid.NewGuid().ToString("N")[..8] + ".example.test",
        Currency = "INR",
        Tags = ["retainer"],
        Addresses = [new AddressInput { City = "சென்னை", Region = "Tamil Nadu", Country = "IN" }],
    };

    private async Task<long> CreateAsync(TestUser user, CustomerInput input)
    {
        var result = await fixture.Host.AsUserAsync(user, s => s.GetRequiredService<CustomerService>().CreateAsync(input));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    }

    private Task<CustomerInput> LoadInputAsync(long id) =>
        fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(id))!));

    private Task<List<long>> ListedAsync(string search) =>
        fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return (await CustomerQueries.PageAsync(db, new CustomerListQuery(Search: search))).Items.Select(r => r.Id).ToList();
        });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : CustomerServiceTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : CustomerServiceTests(fixture);
}
