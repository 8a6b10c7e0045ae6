using CrmBlazor.Host.Features;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Import;

/// <summary>
/// CSV import through the real host: a file with bad rows imports nothing and says what is wrong in
/// each row; a clean file imports everything, grouped, tagged and searchable, in one transaction.
/// </summary>
public abstract class CustomerImportTests(ImportHostFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Import_FileWithSomeBadRows_ImportsNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var tag = "bad-" + _run;

        var result = await fixture.Host.ImportAsync(manager, FileWithTwoBadRows(tag).Bytes());

        Assert.Equal(ChangeStatus.Invalid, result.Change.Status);
        Assert.Empty(await fixture.Host.CustomersTaggedAsync(tag));
    }

    [Fact]
    public async Task Import_FileWithSomeBadRows_ReportsEachBadRowWithItsErrors()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);

        var result = await fixture.Host.ImportAsync(manager, FileWithTwoBadRows("bad-" + _run).Bytes());

        Assert.Equal(
            [
                (3, "E-mail", "Enter a valid e-mail address."),
                (5, "Account manager", "No user has the e-mail address nobody@crm.test. Write the e-mail address of a user of the CRM, or leave the account manager empty."),
            ],
            result.Plan.Errors.Select(e => (e.Row!.Value, e.Column!, e.Message.ToString())));
    }

    [Fact]
    public async Task Import_RowsWithControlOrDirectionCharacters_ImportsNothingAndNamesEachRowAndColumn()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var tag = "bidi-" + _run;
        var file = new CustomerFileBuilder()
            .Row(("Name", $"Bidi \u202Egnp.exe Ltd {_run}"), ("Tags", tag))
            .Row(("Name", $"Pune Foods {_run}"), ("Tags", tag), ("City", "Pune\u0000"))
            .Row(("Name", $"Kochi Spices {_run}"), ("Tags", tag + "; ex\u0007port"))
            .Row(("Name", $"Lahore Looms {_run}"), ("Tags", tag), ("Contact name", "Asad\u2028Ali"))
            .Row(("Name", $"کراچی ٹریڈرز {_run}"), ("Tags", tag), ("Notes", "\u200Fپہلی سطر\r\nدوسری سطر \u2068Acme\u2069"));

        var result = await fixture.Host.ImportAsync(manager, file.BytesWithEveryCharacter());

        Assert.Equal(ChangeStatus.Invalid, result.Change.Status);
        Assert.Equal(
            [
                (2, "Name", "Remove the invisible control or text-direction character at position 6."),
                (3, "City", "Remove the invisible control or text-direction character at position 5."),
                (4, "Tags", "Remove the invisible control or text-direction character at position 3."),
                (5, "Contact name", "Remove the invisible control or text-direction character at position 5."),
            ],
            result.Plan.Errors.Select(e => (e.Row!.Value, e.Column!, e.Message.ToString())));
        Assert.Empty(await fixture.Host.CustomersTaggedAsync(tag));
    }

    [Fact]
    public async Task Import_CleanFile_ImportsEveryCustomerWithItsContactsGrouped()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var tag = "clean-" + _run;

        var result = await fixture.Host.ImportAsync(manager, CleanFile(tag, manager.Email).Bytes());

        Assert.True(result.Change.Succeeded, string.Join(" ", result.Plan.Errors));
        var customers = await fixture.Host.CustomersTaggedAsync(tag);
        Assert.Equal(
            [
                ($"சென்னை மென்பொருள் {_run}", new[] { ("அருண் குமார்", true), ("Divya Nair", false) }),
                ($"თბილისის ვაჭრობა {_run}", []),
                ($"کراچی ٹریڈرز {_run}", [("اسد علی", true)]),
            ],
            customers.Select(c => (c.Name, c.Contacts.OrderBy(x => x.Id).Select(x => (x.Name, x.IsPrimary)).ToArray())));
        Assert.Equal((3, 3), (result.Summary!.Customers, result.Summary.Contacts));
    }

    [Fact]
    public async Task Import_CleanFile_StoresAddressTagsAndAccountManager()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var tag = "fields-" + _run;

        var result = await fixture.Host.ImportAsync(manager, CleanFile(tag, manager.Email).Bytes());

        var chennai = (await fixture.Host.CustomersTaggedAsync(tag))[0];
        var address = Assert.Single(chennai.Addresses);
        Assert.Equal(("12 Anna Salai", "600002", "சென்னை", "Tamil Nadu", "IN"), (address.Street, address.PostalCode, address.City, address.Region, address.Country));
        Assert.Equal(new[] { tag, "priority", result.Summary!.TagName! }.Order(), chennai.Tags.Select(t => t.Name).Order());
        Assert.NotNull(chennai.OwnerUserId);
        Assert.Equal(("INR", "Software"), (chennai.Currency, chennai.Industry));
    }

    [Fact]
    public async Task Import_CleanFile_CustomersAreFoundByATamilWordOfTheirName()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.ImportAsync(manager, CleanFile("search-" + _run, manager.Email).Bytes());

        var found = await fixture.Host.SearchAsync($"மென்பொருள் {_run}");

        Assert.Equal([$"சென்னை மென்பொருள் {_run}"], found);
    }

    [Fact]
    public async Task Import_CleanFile_ContactsAreFoundByTheirName()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.ImportAsync(manager, CleanFile("contact-" + _run, manager.Email).Bytes());

        var found = await fixture.Host.SearchAsync($"அருண் {_run}");

        Assert.Equal([$"சென்னை மென்பொருள் {_run}"], found);
    }

    [Fact]
    public async Task Import_ByStaffWithoutTheImportPermission_IsRefusedAndSavesNothing()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var tag = "staff-" + _run;

        var result = await fixture.Host.ImportAsync(staff, CleanFile(tag, staff.Email).Bytes());

        Assert.Equal(ChangeStatus.Forbidden, result.Change.Status);
        Assert.Empty(await fixture.Host.CustomersTaggedAsync(tag));
    }

    private CustomerFileBuilder FileWithTwoBadRows(string tag) => new CustomerFileBuilder()
        .Row(("Name", $"Kaveri Traders {_run}"), ("Tags", tag), ("E-mail", "office@kaveri.example"))
        .Row(("Name", $"Godavari Foods {_run}"), ("Tags", tag), ("E-mail", "godavari-at-example"))
        .Row(("Name", $"Narmada Textiles {_run}"), ("Tags", tag))
        .Row(("Name", $"Tapti Metals {_run}"), ("Tags", tag), ("Account manager", "nobody@crm.test"))
        .Row(("Name", $"Krishna Agro {_run}"), ("Tags", tag));

    private CustomerFileBuilder CleanFile(string tag, string managerEmail)
    {
        (string, string)[] chennai =
        [
            ("Name", $"சென்னை மென்பொருள் {_run}"), ("Type", "Company"), ("Industry", "Software"), ("Currency", "INR"), ("Tags", tag + "; priority"),
            ("Street", "12 Anna Salai"), ("Postal code", "600002"), ("City", "சென்னை"), ("Region", "Tamil Nadu"), ("Country", "IN"),
            ("Account manager", managerEmail),
        ];
        return new CustomerFileBuilder()
            .Row([.. chennai, ("Contact name", "அருண் குமார்"), ("Contact e-mail", "arun@chennai.example"), ("Main contact", "yes")])
            .Row([.. chennai, ("Contact name", "Divya Nair"), ("Contact e-mail", "divya@chennai.example")])
            .Row(("Name", $"თბილისის ვაჭრობა {_run}"), ("Type", "Person"), ("Currency", "GEL"), ("Tags", tag), ("Country", "GE"))
            .Row(("Name", $"کراچی ٹریڈرز {_run}"), ("Currency", "PKR"), ("Tags", tag), ("Country", "PK"), ("Contact name", "اسد علی"), ("Main contact", "yes"));
    }
}

[Collection(SqliteImportHost.Name)]
public sealed class SqliteCustomerImportTests(SqliteImportHostFixture fixture) : CustomerImportTests(fixture);

[Collection(PostgresImportHost.Name)]
public sealed class PostgresCustomerImportTests(PostgresImportHostFixture fixture) : CustomerImportTests(fixture);
