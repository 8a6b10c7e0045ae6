using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Privacy;

/// <summary>
/// A person's data is exported from the core and every plugin to those who hold crm.privacy, and
/// erasing it leaves no trace of their name or e-mail address anywhere in the database.
/// </summary>
public abstract class PersonalDataTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Export_AsManager_ContainsTheCustomersCoreData()
    {
        var (person, _) = await PersonWithANoteAsync();

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        Assert.Equal(person.Name, (string?)export["core"]!["customer"]!["name"]);
        Assert.Equal(person.Email, (string?)export["core"]!["customer"]!["email"]);
    }

    [Fact]
    public async Task Export_AsManager_ContainsThePluginsDataUnderThePluginsId()
    {
        var (person, note) = await PersonWithANoteAsync();

        var export = await ExportAsync(person.Id, CrmRoles.Manager);

        var notes = export["plugins"]![FixtureAlpha.Id]!["notes"]!.AsArray();
        Assert.Equal([note], notes.Select(n => (string?)n!["text"]));
    }

    [Fact]
    public async Task Export_AsStaffWithoutThePrivacyPermission_IsRefused()
    {
        var (person, _) = await PersonWithANoteAsync();
        using var staff = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(CrmRoles.Staff));

        using var response = await staff.GetAsync($"/customers/{person.Id}/personal-data");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Kavya Ramanathan")]
    [InlineData("காவ்யா ராமநாதன்")]
    public async Task Erasure_OfAPerson_LeavesNoTraceOfTheirNameOrEmailInAnyTable(string name)
    {
        var person = await PersonMentionedInNotesAsync(name);

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        // Stored JSON may spell non-ASCII letters as \uXXXX escapes: both spellings are searched for.
        foreach (var mention in new[] { person.Name, person.Email! }.SelectMany(m => new[] { m, JsonSerializer.Serialize(m)[1..^1] }).Distinct())
        {
            Assert.Empty(await fixture.Database.FindTextAsync(mention));
        }
    }

    [Fact]
    public async Task Erasure_OfAPerson_KeepsTheirTimelineEntriesUnderTheKindsTitle()
    {
        var person = await PersonMentionedInNotesAsync();

        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        await fixture.Host.AsUserAsync(manager, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None));

        var titles = await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", person.Id);
        Assert.Equal(["Fixture note", "Fixture note"], titles);
    }

    [Fact]
    public async Task Erasure_ByStaffWithoutThePrivacyPermission_IsRefusedByTheService()
    {
        var person = await PersonMentionedInNotesAsync();
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            fixture.Host.AsUserAsync(staff, services => services.GetRequiredService<PersonalDataService>().EraseAsync(person.Id, CancellationToken.None)));
        Assert.Equal(person.Name, await fixture.Database.ScalarAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", person.Id));
    }

    /// <summary>A private person with a note in Alpha that mentions them by name and address, as notes do.</summary>
    private async Task<(Customer Person, string Note)> PersonWithANoteAsync()
    {
        var person = await NewPersonAsync();
        var note = $"Met {person.Name} ({person.Email}) about the renewal";
        await FixtureAlpha.In(fixture.Host).AddNoteAsManagerAsync(person.Id, note);
        return (person, note);
    }

    /// <summary>
    /// A private person mentioned by name and address in two notes, one added on a page and one by
    /// a background job, once both reached Beta and the timeline: their name is then in the notes,
    /// the timeline, the stored events and the job's arguments.
    /// </summary>
    private async Task<Customer> PersonMentionedInNotesAsync(string name = "Kavya Ramanathan")
    {
        var person = await NewPersonAsync(name);
        var alpha = FixtureAlpha.In(fixture.Host);
        await alpha.AddNoteAsManagerAsync(person.Id, $"Met {person.Name} ({person.Email}) about the renewal");
        await alpha.QueueWriteNoteAsync(person.Id, $"Reminder: call {person.Name} back");
        await Eventually.HoldsAsync("both notes reached Beta and the timeline", async () =>
            await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM fixture_beta_received WHERE \"CustomerId\" = @p0", person.Id) == 2
            && await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", person.Id) == 2);
        return person;
    }

    private async Task<Customer> NewPersonAsync(string name = "Kavya Ramanathan")
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        return await new CustomerBuilder().APerson().Named($"{name} {unique}").WithEmail($"kavya.{unique}@example.test").SaveAsync(fixture.Host);
    }

    private async Task<JsonNode> ExportAsync(long customerId, string role)
    {
        using var client = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(role));
        using var response = await client.GetAsync($"/customers/{customerId}/personal-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PersonalDataTests(fixture);
}
