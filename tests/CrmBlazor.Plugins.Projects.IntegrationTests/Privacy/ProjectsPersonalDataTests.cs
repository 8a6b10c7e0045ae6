using System.Text.Json.Nodes;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Privacy;

/// <summary>
/// A person who is a customer: their projects and time notes are part of their data export, and
/// erasing them removes their name from project names and notes while the hours stay for invoicing.
/// </summary>
public abstract class ProjectsPersonalDataTests(ProjectsHostFixture fixture)
{
    private const string Name = "அருண் குமார்";
    private static readonly DateOnly Day = new(2026, 7, 6);

    [Fact]
    public async Task Export_OfACustomerWhoIsAPerson_ContainsTheirProjectsAndTimeNotes()
    {
        var (manager, customerId, _) = await PersonWithAProjectAsync();

        var export = await fixture.Host.AsUserAsync(manager.User, services =>
            services.GetRequiredService<PersonalDataService>().ExportAsync(customerId, CancellationToken.None));

        var project = export!["plugins"]!["projects"]!["projects"]!.AsArray().Single()!;
        Assert.Equal("Tax filing for " + Name, (string?)project["name"]);
        Assert.Equal(["Call with " + Name + " about receipts"], project["timeNotes"]!.AsArray().Select(n => (string?)n!["note"]));
    }

    [Fact]
    public async Task Erase_OfACustomerWhoIsAPerson_RemovesTheirNameEverywhereAndKeepsTheHours()
    {
        var (manager, customerId, project) = await PersonWithAProjectAsync();
        // The project's start and its hours are on the timeline, with the name, before the erasure.
        await Eventually.HoldsAsync("the project and its hours reached the timeline", async () =>
            await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", customerId) == 2);

        await fixture.Host.AsUserAsync(manager.User, services =>
            services.GetRequiredService<PersonalDataService>().EraseAsync(customerId, CancellationToken.None));

        Assert.Empty(await fixture.Database.FindTextAsync(Name));
        Assert.Equal([60], (await fixture.Projects.EntriesAsync(project)).Select(e => e.Minutes));
    }

    private async Task<(Person Manager, long CustomerId, long Project)> PersonWithAProjectAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named(Name).WithEmail($"arun.{Guid.NewGuid():N}@example.test").APerson().SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Name = "Tax filing for " + Name);
        var saved = await fixture.Projects.SaveEntryAsync(consultant, consultant.Id, project, Day, 60, note: "Call with " + Name + " about receipts");
        Assert.True(saved.Saved, string.Join(" ", saved.Messages));
        return (manager, customer.Id, project);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : ProjectsPersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : ProjectsPersonalDataTests(fixture);
}
