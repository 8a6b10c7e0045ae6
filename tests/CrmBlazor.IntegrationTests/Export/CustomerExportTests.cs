using System.Net;
using CrmBlazor.Data;
using CrmBlazor.Host.Features.Import;
using CrmBlazor.IntegrationTests.Import;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using MiniExcelLibs;

namespace CrmBlazor.IntegrationTests.Export;

/// <summary>
/// Exports through the real host: the CSV is the import format (an export re-imports to the same
/// data), the Excel workbook has the same rows, filters and permissions apply.
/// </summary>
public abstract class CustomerExportTests(ImportHostFixture fixture)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Export_OfImportedCustomers_HasEveryFieldAsImported()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "exp-" + _run;
        var file = RichFile(tag, manager.Email);
        await ImportAsync(manager, file.Bytes(), tagImported: false);

        var exported = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={await fixture.Host.TagIdAsync(tag)}"));

        Assert.Equal(Comparable(file.Cells.Select(c => CustomerFileBuilder.Headers.Zip(c).ToDictionary(p => p.First, p => p.Second))), Comparable(exported));
    }

    [Fact]
    public async Task ExportThenImport_RoundTrip_ReproducesEveryField()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "rt-" + _run;
        await ImportAsync(manager, RichFile(tag, manager.Email).Bytes(), tagImported: false);
        var first = await client.ExportAsync($"/customers/export.csv?tag={await fixture.Host.TagIdAsync(tag)}");

        var again = await ImportAsync(manager, first, tagImported: true);
        var second = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={again.Summary!.TagId}"));

        var withoutImportTag = second.Select(row => new Dictionary<string, string>(row)
        {
            ["Tags"] = CustomerFileFormat.JoinTags(CustomerFileFormat.SplitTags(row["Tags"]).Where(t => t != again.Summary.TagName)),
        });
        Assert.Equal(7, CustomerFiles.Rows(first).Count);
        Assert.Equal(Comparable(CustomerFiles.Rows(first)), Comparable(withoutImportTag));
    }

    [Fact]
    public async Task ExportThenImport_RoundTrip_KeepsCustomersWithTheSameNameApart()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "twins-" + _run;
        await ImportAsync(manager, new CustomerFileBuilder()
            .Row(("Customer key", "1"), ("Name", $"Kaveri Traders {_run}"), ("City", "Mysuru"), ("Tags", tag))
            .Row(("Customer key", "2"), ("Name", $"Kaveri Traders {_run}"), ("City", "Chennai"), ("Tags", tag))
            .Bytes(), tagImported: false);
        var export = await client.ExportAsync($"/customers/export.csv?tag={await fixture.Host.TagIdAsync(tag)}");

        var again = await ImportAsync(manager, export, tagImported: true);

        Assert.Equal(2, again.Summary!.Customers);
    }

    [Fact]
    public async Task Export_Csv_StartsWithAByteOrderMarkAndTheHeaderRow()
    {
        var (_, client) = await ManagerAsync();

        var export = await client.ExportAsync("/customers/export.csv?q=" + Uri.EscapeDataString("nobody-has-this-name-" + _run));

        Assert.Equal(
            [.. CustomerCsvWriterPreamble, .. System.Text.Encoding.UTF8.GetBytes(string.Join(",", CustomerFileBuilder.Headers) + "\r\n")],
            export);
    }

    [Fact]
    public async Task Export_WithListFilters_HasOnlyTheMatchingCustomers()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "filter-" + _run;
        await ImportAsync(manager, new CustomerFileBuilder()
            .Row(("Name", $"Kaveri Traders {_run}"), ("Tags", tag))
            .Row(("Name", $"Kaveri Iyer {_run}"), ("Type", "Person"), ("Tags", tag))
            .Row(("Name", $"Godavari Foods {_run}"), ("Tags", tag))
            .Bytes(), tagImported: false);

        var persons = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?q={Uri.EscapeDataString("kaveri " + _run)}&kind=Person"));
        var tagged = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={await fixture.Host.TagIdAsync(tag)}"));

        Assert.Equal([$"Kaveri Iyer {_run}"], persons.Select(r => r["Name"]));
        Assert.Equal([$"Godavari Foods {_run}", $"Kaveri Iyer {_run}", $"Kaveri Traders {_run}"], tagged.Select(r => r["Name"]));
    }

    [Fact]
    public async Task Export_ManyMoreBytesThanAWriteBuffer_ArrivesComplete()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "large-" + _run;
        var file = new CustomerFileBuilder();
        for (var i = 0; i < 700; i++)
        {
            file.Row(("Name", $"மதுரை வணிகம் {i:000} {_run}"), ("Tags", tag), ("Notes", string.Concat(Enumerable.Repeat("ಕನ್ನಡ ಟಿಪ್ಪಣಿ ", 20))));
        }

        await ImportAsync(manager, file.Bytes(), tagImported: false);

        var rows = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={await fixture.Host.TagIdAsync(tag)}"));
        Assert.Equal(700, rows.Count);
    }

    [Theory]
    [InlineData("/customers/export.csv")]
    [InlineData("/customers/export.xlsx")]
    public async Task Export_ByUserWithoutTheViewPermission_IsForbidden(string path)
    {
        var nobody = await fixture.Host.CreateUserAsync(role: null);
        using var client = await fixture.Host.SignInAsync(nobody);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_ByAnonymousVisitor_SendsToTheSignInPage()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync("/customers/export.csv");

        Assert.Equal(("/account/login", HttpStatusCode.Redirect), (response.Headers.Location?.AbsolutePath ?? new Uri(new Uri("https://localhost"), response.Headers.Location!).AbsolutePath, response.StatusCode));
    }

    [Fact]
    public async Task ExcelExport_OpenedWithMiniExcel_HasTheSameRowsAsTheCsv()
    {
        var (manager, client) = await ManagerAsync();
        var tag = "xlsx-" + _run;
        await ImportAsync(manager, RichFile(tag, manager.Email).Bytes(), tagImported: false);
        var tagId = await fixture.Host.TagIdAsync(tag);
        var csv = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={tagId}"));

        using var workbook = new MemoryStream(await client.ExportAsync($"/customers/export.xlsx?tag={tagId}"));
        var sheet = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Customers").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(CustomerFileBuilder.Headers, sheet[0].Keys);
        // Excel cells break lines with LF alone (XML turns CR LF into LF), so the CSV's CR LF is compared as LF.
        Assert.Equal(
            csv.Select(row => row.ToDictionary(c => c.Key, c => c.Value.Replace("\r\n", "\n", StringComparison.Ordinal))),
            sheet.Select(row => row.ToDictionary(c => c.Key, c => c.Value as string ?? string.Empty)));
    }

    [Fact]
    public async Task Export_NameStoredWithAnOverrideAndAControlCharacter_IsWrittenWithoutThemToCsvAndExcel()
    {
        var (_, client) = await ManagerAsync();
        // Stored before the text rule, straight into the table: NUL where the database can store it.
        var control = fixture.Provider == DatabaseProvider.Sqlite ? "\u0000" : "\u0007";
        await new CustomerBuilder().Named($"Bidi \u202Egnp.exe{control} Ltd {_run}").SaveAsync(fixture.Host);

        var csv = CustomerFiles.Rows(await client.ExportAsync("/customers/export.csv"));
        using var workbook = new MemoryStream(await client.ExportAsync("/customers/export.xlsx"));
        var sheet = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Customers").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal($"Bidi gnp.exe Ltd {_run}", Assert.Single(csv, row => row["Name"].EndsWith(_run, StringComparison.Ordinal))["Name"]);
        Assert.Equal($"Bidi gnp.exe Ltd {_run}", Assert.Single(sheet, row => (row["Name"] as string)?.EndsWith(_run, StringComparison.Ordinal) == true)["Name"]);
    }

    [Fact]
    public async Task Import_WhenItsTagNameIsTaken_TagsOnlyItsOwnCustomers()
    {
        var (manager, client) = await ManagerAsync();
        // Tags named as imports of this second and the next nine already exist (other imports then).
        var now = DateTimeOffset.UtcNow;
        var taken = Enumerable.Range(0, 10)
            .Select(s => "Import " + now.AddSeconds(s).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC")
            .ToList();
        await ImportAsync(manager, new CustomerFileBuilder()
            .Row(("Customer key", "1"), ("Name", $"Earlier import {_run}"), ("Tags", CustomerFileFormat.JoinTags(taken)))
            .Bytes(), tagImported: false);

        var result = await ImportAsync(manager, new CustomerFileBuilder()
            .Row(("Customer key", "1"), ("Name", $"Later import {_run}"))
            .Bytes(), tagImported: true);

        Assert.DoesNotContain(result.Summary!.TagName, taken);
        // Numbered after the name it would have had: " (2)", or higher when other imports of the shared host
        // took that number in the same second.
        Assert.Matches(@"^Import \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+\)$", result.Summary.TagName);
        var rows = CustomerFiles.Rows(await client.ExportAsync($"/customers/export.csv?tag={result.Summary.TagId}"));
        Assert.Equal([$"Later import {_run}"], rows.Select(r => r["Name"]));
    }

    private static readonly byte[] CustomerCsvWriterPreamble = [0xEF, 0xBB, 0xBF];

    private async Task<(TestUser Manager, HttpClient Client)> ManagerAsync()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        return (manager, await fixture.Host.SignInAsync(manager));
    }

    private async Task<CustomerImportResult> ImportAsync(TestUser user, byte[] file, bool tagImported)
    {
        var result = await fixture.Host.ImportAsync(user, file, tagImported);
        Assert.True(result.Change.Succeeded, string.Join(Environment.NewLine, result.Plan.Errors));
        return result;
    }

    // Rows without the customer key (new ids on every import), tags in one order, sorted.
    private static List<string> Comparable(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        [.. rows.Select(row => string.Join(" | ", CustomerFileBuilder.Headers.Skip(1).Select(h => h == "Tags" ? CustomerFileFormat.JoinTags(CustomerFileFormat.SplitTags(row[h])) : row[h])))
            .Order(StringComparer.Ordinal)];

    // Every field filled somewhere, in five scripts, with commas, quotes and line breaks in values.
    private CustomerFileBuilder RichFile(string tag, string managerEmail)
    {
        (string, string)[] chennai =
        [
            ("Customer key", "a"), ("Name", $"சென்னை மென்பொருள் {_run}"), ("Type", "Company"), ("Industry", "Software, services"),
            ("E-mail", "office@chennai.example"), ("Phone", "+91 44 2345 6789"), ("Web site", "https://chennai.example/"), ("Currency", "INR"),
            ("Tags", $"{tag}; priority"), ("Street", "12 Anna Salai\nFloor 3"), ("Postal code", "600002"), ("City", "சென்னை"),
            ("Region", "Tamil Nadu"), ("Country", "IN"), ("Account manager", managerEmail), ("Notes", "Says \"call after 5\", prefers Tamil;\r\nPays on time."),
        ];
        (string, string)[] bengaluru =
        [
            ("Customer key", "d"), ("Name", $"ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ {_run}"), ("Type", "Company"), ("Currency", "INR"), ("Tags", $"{tag}; ಕನ್ನಡ"),
            ("City", "ಬೆಂಗಳೂರು"), ("Region", "Karnataka"), ("Country", "IN"),
        ];
        return new CustomerFileBuilder()
            .Row([.. chennai, ("Contact name", "அருண் குமார்"), ("Contact role", "Finance director"), ("Contact e-mail", "arun@chennai.example"), ("Contact phone", "+91 98400 12345"), ("Main contact", "yes")])
            .Row([.. chennai, ("Contact name", "Divya Nair"), ("Contact e-mail", "divya@chennai.example"), ("Main contact", "no")])
            .Row([.. chennai, ("Contact name", "Kiran \"KK\" Kumar"), ("Contact role", "Buyer, North"), ("Main contact", "no")])
            .Row(("Customer key", "b"), ("Name", $"თბილისის ვაჭრობა {_run}"), ("Type", "Person"), ("Currency", "GEL"), ("Tags", tag), ("Postal code", "0105"), ("City", "თბილისი"), ("Country", "GE"))
            .Row(("Customer key", "c"), ("Name", $"کراچی ٹریڈرز {_run}"), ("Type", "Company"), ("Currency", "PKR"), ("Tags", tag), ("City", "کراچی"), ("Country", "PK"),
                ("Contact name", "اسد علی"), ("Main contact", "yes"))
            .Row([.. bengaluru, ("Contact name", "અમિત પટેલ"), ("Contact phone", "079 2658 1234"), ("Main contact", "no")])
            .Row([.. bengaluru, ("Contact name", "ರಮೇಶ್"), ("Main contact", "yes")]);
    }
}

[Collection(SqliteImportHost.Name)]
public sealed class SqliteCustomerExportTests(SqliteImportHostFixture fixture) : CustomerExportTests(fixture);

[Collection(PostgresImportHost.Name)]
public sealed class PostgresCustomerExportTests(PostgresImportHostFixture fixture) : CustomerExportTests(fixture);
