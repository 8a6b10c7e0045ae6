using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Search;

/// <summary>
/// The customer search as the list runs it (CustomerQueries with a search text), over customers and
/// contacts saved through CustomerService, which keeps the search terms: words and their first
/// letters in Latin, Tamil, Kannada and Georgian, e-mail addresses, phone numbers and tags, on both
/// providers (PostgreSQL compares the terms in the "C" collation, SQLite in BINARY).
/// </summary>
public abstract class CustomerSearchTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("Brightwater Design Studio", "Brightwater")]
    [InlineData("சென்னை மென்பொருள் சேவைகள்", "மென்பொருள்")]
    [InlineData("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ", "ತಂತ್ರಜ್ಞಾನ")]
    [InlineData("თბილისის ციფრული სტუდია", "ციფრული")]
    public async Task Search_AWordOfTheName_FindsTheCustomer(string name, string word)
    {
        var id = await SaveAsync(Customer(name));

        Assert.Contains(id, await SearchAsync(word));
    }

    [Theory]
    [InlineData("Brightwater Design Studio", "brightw")]
    [InlineData("சென்னை மென்பொருள் சேவைகள்", "மென்பொ")]
    [InlineData("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ", "ತಂತ್ರ")]
    [InlineData("თბილისის ციფრული სტუდია", "ციფ")]
    public async Task Search_TheFirstLettersOfAWord_FindTheCustomer(string name, string firstLetters)
    {
        var id = await SaveAsync(Customer(name));

        Assert.Contains(id, await SearchAsync(firstLetters));
    }

    [Fact]
    public async Task Search_AWordWithoutItsAccents_FindsTheAccentedName()
    {
        var id = await SaveAsync(Customer("Jürgen Müller Druckerei"));

        Assert.Contains(id, await SearchAsync("muller"));
    }

    [Theory]
    [InlineData("பிரியா ராஜேந்திரன்", "ராஜேந்")]
    [InlineData("ರಮೇಶ್ ಗೌಡ", "ರಮೇಶ್")]
    [InlineData("ნინო კაპანაძე", "კაპანა")]
    [InlineData("Hannah Clarke", "hann")]
    public async Task Search_AWordOfAContactsName_FindsTheCompanyAndTheContact(string contactName, string query)
    {
        var id = await SaveAsync(Customer("Riverside Consulting"));
        var contactId = await SaveContactAsync(id, new ContactInput { Name = contactName });

        Assert.Contains(id, await SearchAsync(query));
        Assert.Contains(contactId, await ContactsFoundAsync(query));
    }

    [Theory]
    [InlineData("kavya.rao@mysuru-silk.example")]
    [InlineData("kavya.rao")]
    [InlineData("mysuru-silk")]
    [InlineData("kavya")]
    public async Task Search_TheEmailAddressOrAPartOfIt_FindsTheCustomer(string query)
    {
        var input = Customer("ಮೈಸೂರು ರೇಷ್ಮೆ ಮಳಿಗೆ");
        input.Email = "Kavya.Rao@Mysuru-Silk.example";
        var id = await SaveAsync(input);

        Assert.Contains(id, await SearchAsync(query));
    }

    [Fact]
    public async Task Search_AContactsEmailDomain_FindsTheCompany()
    {
        var id = await SaveAsync(Customer("தஞ்சாவூர் கலைக்கூடம்"));
        await SaveContactAsync(id, new ContactInput { Name = "லக்ஷ்மி நாராயணன்", Email = "lakshmi@thanjavur-arts.example" });

        Assert.Contains(id, await SearchAsync("thanjavur-arts.example"));
    }

    [Theory]
    [InlineData("+91 80 4123 5678")]
    [InlineData("80 4123 5678")]
    [InlineData("4123 5678")]
    public async Task Search_ThePhoneNumberOrItsEnd_FindsTheCustomer(string query)
    {
        var input = Customer("ಹುಬ್ಬಳ್ಳಿ ಕೃಷಿ ಉಪಕರಣಗಳು");
        input.Phone = "+91 80 4123 5678";
        var id = await SaveAsync(input);

        Assert.Contains(id, await SearchAsync(query));
    }

    [Theory]
    [InlineData("முன்னுரிமை", "முன்னு")]
    [InlineData("პარტნიორი", "პარტნიორი")]
    public async Task Search_ATag_FindsTheCustomer(string tag, string query)
    {
        var input = Customer("Kestrel Logistics GmbH");
        input.Tags = [tag];
        var id = await SaveAsync(input);

        Assert.Contains(id, await SearchAsync(query));
    }

    [Fact]
    public async Task Search_SeveralWords_FindsOnlyTheCustomersWithAllOfThem()
    {
        var accounting = await SaveAsync(Customer("Northwind Accounting Ltd"));
        var logistics = await SaveAsync(Customer("Northwind Logistics Ltd"));

        var found = await SearchAsync("northwind logis");

        Assert.Contains(logistics, found);
        Assert.DoesNotContain(accounting, found);
    }

    [Fact]
    public async Task Search_WordsInTwoScripts_FindsOnlyTheCustomersWithBoth()
    {
        var withContact = await SaveAsync(Customer("ქუთაისის ღვინის სახლი"));
        await SaveContactAsync(withContact, new ContactInput { Name = "தமிழ்செல்வி இளங்கோ" });
        var withoutContact = await SaveAsync(Customer("ქუთაისის ღვინის სახლი"));

        var found = await SearchAsync("ღვინის தமிழ்");

        Assert.Contains(withContact, found);
        Assert.DoesNotContain(withoutContact, found);
    }

    [Fact]
    public async Task Search_AfterTheNameIsChanged_FindsTheNewNameAndNoLongerTheOld()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await SaveAsync(Customer("Oakridge Builders"), manager);
        var input = await LoadInputAsync(id);
        input.Name = "ಉಡುಪಿ ಮುದ್ರಣ ಸಂಸ್ಥೆ";

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, input));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.DoesNotContain(id, await SearchAsync("Oakridge"));
        Assert.Contains(id, await SearchAsync("ಮುದ್ರಣ"));
    }

    [Fact]
    public async Task Search_AfterAContactIsRenamed_FindsTheCompanyByTheNewNameOnly()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await SaveAsync(Customer("Silverline Media"), manager);
        var contactId = await SaveContactAsync(id, new ContactInput { Name = "Isla Fraser" }, manager);
        var contact = await fixture.Host.InScopeAsync(async s => (await s.GetRequiredService<CustomerService>().GetAsync(id))!.Contacts.Single());
        var renamed = ContactInput.From(contact);
        renamed.Name = "ზურაბ ჩხეიძე";

        await SaveContactAsync(id, renamed, manager, contactId);

        Assert.DoesNotContain(id, await SearchAsync("Fraser"));
        Assert.Contains(id, await SearchAsync("ჩხეიძე"));
    }

    [Fact]
    public async Task Search_AnArchivedCustomer_IsFoundOnlyWhenArchivedCustomersAreIncluded()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var id = await SaveAsync(Customer("ბათუმის ლოჯისტიკა"), manager);
        var version = (await LoadInputAsync(id)).RowVersion;

        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().SetArchivedAsync(id, true, version));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.DoesNotContain(id, await SearchAsync("ლოჯისტიკა"));
        Assert.Contains(id, await SearchAsync("ლოჯისტიკა", includeArchived: true));
    }

    [Fact]
    public async Task Search_TheTotal_CountsEveryMatchNotOnlyThePage()
    {
        var word = "Zephyr" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await SaveAsync(Customer($"{word} Trading {i}"));
        }

        var (items, total) = await PageAsync(new CustomerListQuery(Search: word, PageSize: 2));

        Assert.Equal(2, items.Count);
        Assert.Equal(3, total);
    }

    [Fact]
    public async Task Search_ASingleLetter_FindsTheCustomersWithAWordStartingWithIt()
    {
        // A single letter is searched for on its own (PostgreSQL: as a set hash-joined with the
        // customers, not as an array looked up one by one; SearchIndex.MatchingCustomerIds). An
        // archaic Georgian letter, so that other tests' customers do not crowd the page.
        var word = "ჶ" + Guid.NewGuid().ToString("N")[..6];
        var id = await SaveAsync(Customer($"{word} სტუდია"));
        var other = await SaveAsync(Customer($"x{word} სტუდია"));

        var found = await SearchAsync("ჶ");

        Assert.Contains(id, found);
        Assert.DoesNotContain(other, found);
    }

    [Fact]
    public async Task Search_WithOtherFilters_CountsAndListsOnlyTheMatchesThatPassThem()
    {
        var word = "Quillon" + Guid.NewGuid().ToString("N")[..6];
        var textiles = Customer($"{word} Mills");
        textiles.Industry = "Textiles";
        var software = Customer($"{word} Millworks");
        software.Industry = "Software";
        var person = Customer($"{word} Milan");
        person.Industry = "Textiles";
        person.Kind = CustomerKind.Person;
        var id = await SaveAsync(textiles);
        await SaveAsync(software);
        await SaveAsync(person);

        var (items, total) = await PageAsync(new CustomerListQuery(Search: $"{word} mil", Industry: "Textiles", Kind: CustomerKind.Company));

        Assert.Equal(id, Assert.Single(items).Id);
        Assert.Equal(1, total);
    }

    [Fact]
    public async Task DirectorySearch_ForPlugins_FindsByAWordAndLeavesArchivedOut()
    {
        // ICustomerDirectory.SearchAsync, through which plugins (projects by customer) search.
        var word = "ಹಂಪಿ" + Guid.NewGuid().ToString("N")[..6];
        var id = await SaveAsync(Customer($"{word} ಪ್ರವಾಸ"));
        var archived = await SaveAsync(Customer($"{word} ಹೋಟೆಲ್"));
        await ArchiveAsync(archived);

        var found = await fixture.Host.InScopeAsync(s => s.GetRequiredService<CrmBlazor.Sdk.Customers.ICustomerDirectory>().SearchAsync(word));

        Assert.Equal(id, Assert.Single(found).Id);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0} silks")]
    [InlineData("{0} ranganathan")]
    [InlineData("{0} வேலூர்")]
    public async Task SearchWalkingTheListOrder_FindsTheSamePageAsSortingTheMatches(string pattern)
    {
        // The page of a word that matches thousands is looked for by reading the first customers in
        // name order and looking each one's terms up (CustomerQueries.WalkedPageIdsAsync); it must be
        // the page that sorting the matches gives, with contacts, several words, other scripts and
        // archived customers. The names start with a digit to sort before every other test's.
        var word = "0cauvery" + Guid.NewGuid().ToString("N")[..6];
        await SaveAsync(Customer($"{word} Silks"));
        await SaveAsync(Customer($"{word} Spinning Mills"));
        await SaveAsync(Customer($"{word} Silks வேலூர்"));
        var traders = await SaveAsync(Customer($"{word[..7]} Traders"));
        await SaveContactAsync(traders, new ContactInput { Name = $"{word} Ranganathan" });
        await ArchiveAsync(await SaveAsync(Customer($"{word} Silks Archive")));
        var query = new CustomerListQuery(Search: string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word), PageSize: 1);

        var pages = 0;
        while (await PageIdsAsync(query with { Page = pages }, walk: false) is [_, ..] sorted)
        {
            Assert.Equal(sorted, await PageIdsAsync(query with { Page = pages }, walk: true));
            pages++;
        }

        Assert.NotEqual(0, pages);
    }

    private static CustomerInput Customer(string name) => new()
    {
        Name = name,
        Currency = "INR",
        Addresses = [new AddressInput { City = "Chennai", Country = "IN" }],
    };

    private async Task<long> SaveAsync(CustomerInput input, TestUser? user = null)
    {
        user ??= await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var result = await fixture.Host.AsUserAsync(user, s => s.GetRequiredService<CustomerService>().CreateAsync(input));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    }

    private async Task<long> SaveContactAsync(long customerId, ContactInput input, TestUser? user = null, long? contactId = null)
    {
        user ??= await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var result = await fixture.Host.AsUserAsync(user, s => s.GetRequiredService<CustomerService>().SaveContactAsync(customerId, contactId, input));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    }

    private Task<CustomerInput> LoadInputAsync(long id) =>
        fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(id))!));

    private async Task<List<long>> SearchAsync(string search, bool includeArchived = false) =>
        [.. (await PageAsync(new CustomerListQuery(Search: search, IncludeArchived: includeArchived, PageSize: CustomerQueries.MaximumPageSize))).Items.Select(r => r.Id)];

    private Task<(IReadOnlyList<CustomerRow> Items, int Total)> PageAsync(CustomerListQuery query) =>
        fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await CustomerQueries.PageAsync(db, query);
        });

    private Task<List<long>?> PageIdsAsync(CustomerListQuery query, bool walk) =>
        fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return walk ? await CustomerQueries.WalkedPageIdsAsync(db, query) : await CustomerQueries.SortedPageIds(db, query).ToListAsync();
        });

    private async Task ArchiveAsync(long id)
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var version = (await LoadInputAsync(id)).RowVersion;
        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().SetArchivedAsync(id, true, version));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    }

    private Task<List<long>> ContactsFoundAsync(string search) =>
        fixture.Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await SearchIndex.MatchingContactIds(db, search)!.ToListAsync();
        });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : CustomerSearchTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : CustomerSearchTests(fixture);
}
