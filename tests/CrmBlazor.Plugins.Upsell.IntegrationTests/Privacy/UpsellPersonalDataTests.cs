using System.Net;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Privacy;

/// <summary>
/// Opportunities in the host's personal-data export and erasure. A customer's export lists their opportunities
/// with the rule's reason, the evidence, the value and why they were dismissed; erasing the customer keeps the
/// opportunities (conversion figures, dismissals) but clears the dismiss reasons and the person's name from the
/// evidence. A user's export lists the opportunities they own or closed and the reasons they wrote; erasing
/// the user leaves their open ones without owner and their name out of every dismiss reason.
/// </summary>
public abstract class UpsellPersonalDataTests(UpsellHostFixture fixture)
{
    private const string Name = "عائشہ صدیقی";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task Export_OfACustomer_ListsTheirOpportunitiesWithReasonEvidenceValueAndDismissReason()
    {
        var (manager, customerId, opportunity) = await DismissedOpportunityOfAPersonAsync();

        var export = await fixture.Host.AsUserAsync(manager.User, services =>
            services.GetRequiredService<PersonalDataService>().ExportAsync(customerId, CancellationToken.None));

        var exported = export!["plugins"]!["upsell"]!["opportunities"]!.AsArray().Single()!;
        Assert.Equal(opportunity, (long)exported["id"]!);
        Assert.Equal(("Budget burn", "Dismissed", "Dismissed"), ((string?)exported["rule"], (string?)exported["stage"], (string?)exported["closedBecause"]));
        Assert.Contains("Website for " + Name, (string?)exported["reason"], StringComparison.Ordinal);
        Assert.Contains(exported["evidence"]!.AsArray(), line => (string?)line!["value"] == "Website for " + Name);
        Assert.Equal(Name + " asked to wait for the budget review", (string?)exported["dismissReason"]);
        Assert.NotNull(exported["openedAt"]);
    }

    [Fact]
    public async Task Erase_OfACustomer_ClearsTheDismissReasonAndTheirNameInTheEvidence_AndKeepsTheOpportunity()
    {
        var (manager, customerId, opportunity) = await DismissedOpportunityOfAPersonAsync();

        var erasure = await fixture.Host.AsUserAsync(manager.User, services =>
            services.GetRequiredService<PersonalDataService>().EraseAsync(customerId, CancellationToken.None));

        Assert.True(erasure.Erased);
        Assert.Contains(erasure.Report, line => line.StartsWith("upsell: 1 dismiss reason(s) cleared and 1 opportunity evidence(s)", StringComparison.Ordinal));
        var (reason, _, _) = await Upsell.StoredTextsAsync(opportunity);
        Assert.Null(reason);
        var shown = (await Upsell.ShowAsync(manager, opportunity))!;
        Assert.Equal("Dismissed", shown.Stage);
        Assert.DoesNotContain(Name, shown.Reason, StringComparison.Ordinal);
        Assert.All(shown.Lines, line => Assert.DoesNotContain(Name, line.Value, StringComparison.Ordinal));
        Assert.Contains(shown.Lines, line => line.Value == "Website for (erased)");
    }

    [Fact]
    public async Task Export_OfAUser_ListsTheOpportunitiesTheyOwnOrClosed_AndTheReasonsTheyWrote()
    {
        var (admin, staff, owned, dismissed, _) = await StaffWithOpportunitiesAsync();
        using var client = await fixture.Host.SignInAsync(admin.User);

        using var response = await client.GetAsync($"/admin/users/{staff.Id}/personal-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["plugins"]!["upsell"]!["opportunities"]!.AsArray();
        var own = exported.Single(o => (long)o!["id"]! == owned)!;
        Assert.Equal((true, true, false), ((bool)own["owner"]!, (bool)own["accountManager"]!, (bool)own["closedByThem"]!));
        var closed = exported.Single(o => (long)o!["id"]! == dismissed)!;
        Assert.Equal((true, "The customer chose another supplier"), ((bool)closed["closedByThem"]!, (string?)closed["dismissReasonTheyWrote"]));
    }

    [Fact]
    public async Task Erase_OfADeactivatedUser_LeavesTheirOpenOnesWithoutOwner_AndTheirNameOutOfEveryDismissReason()
    {
        var (admin, staff, owned, dismissed, mentioning) = await StaffWithOpportunitiesAsync();
        Assert.True((await fixture.Host.AsUserAsync(admin.User, async s => await s.GetRequiredService<UserAdministration>().DeactivateAsync(staff.Id, await VersionOfAsync(staff)))).Succeeded);

        var erased = await fixture.Host.AsUserAsync(admin.User, async s => await s.GetRequiredService<UserAdministration>().EraseAsync(staff.Id, await VersionOfAsync(staff)));

        Assert.True(erased.Succeeded, string.Join(" ", erased.Messages));
        Assert.Null((await Upsell.StoredTextsAsync(owned)).OwnerUserId);
        Assert.Equal("The customer chose another supplier", (await Upsell.StoredTextsAsync(dismissed)).DismissReason);
        var reason = (await Upsell.StoredTextsAsync(mentioning)).DismissReason!;
        Assert.DoesNotContain(staff.User.Email, reason, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Ask Former user ", reason, StringComparison.Ordinal);
    }

    /// <summary>A customer who is a person, found by budget burn on a project named after them, dismissed with a reason naming them.</summary>
    private async Task<(Person Manager, long CustomerId, long Opportunity)> DismissedOpportunityOfAPersonAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().Named(Name).WithEmail($"aisha.{Guid.NewGuid():N}@example.test").APerson().ManagedBy(manager.Id).SaveAsync(fixture.Host);
        var project = await Upsell.CreateProjectAsync(manager, customer.Id, budgetHours: 10m, name: "Website for " + Name);
        await Upsell.LogTimeAsync(manager, project, Today, 570);
        await Upsell.EvaluateAsync();
        var opened = Assert.Single(await Upsell.OpportunitiesOfAsync(customer.Id));
        var dismissed = await Upsell.DismissAsync(manager, opened.Id, Name + " asked to wait for the budget review", null, opened.RowVersion);
        Assert.True(dismissed.Saved, string.Join(" ", dismissed.Messages));
        return (manager, customer.Id, opened.Id);
    }

    /// <summary>
    /// A member of staff who is the account manager and owner of an open opportunity, who dismissed another with
    /// a reason, and whose address a manager wrote in a third one's dismiss reason.
    /// </summary>
    private async Task<(Person Admin, Person Staff, long Owned, long Dismissed, long Mentioning)> StaffWithOpportunitiesAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = (await new CustomerBuilder().ManagedBy(staff.Id).SaveAsync(fixture.Host)).Id;
        var rule = "test.staff-" + Guid.NewGuid().ToString("N")[..8];
        var owned = await Upsell.CraftAsync(new CraftedOpportunity(customer, rule, "Contacted") { OwnerUserId = staff.Id, AccountManagerUserId = staff.Id });
        var dismissed = await Upsell.CraftAsync(new CraftedOpportunity(customer, rule, "Dismissed", "Dismissed")
        {
            DismissReason = "The customer chose another supplier",
            ClosedByUserId = staff.Id,
            OwnerUserId = staff.Id,
        });
        var mentioning = await Upsell.CraftAsync(new CraftedOpportunity(customer, rule, "Dismissed", "Dismissed")
        {
            DismissReason = $"Ask {staff.User.Email} first",
            ClosedByUserId = admin.Id,
        });
        return (admin, staff, owned, dismissed, mentioning);
    }

    private Task<string> VersionOfAsync(Person user) => fixture.Host.InScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<CrmUser>>().FindByIdAsync(user.Id))!.ConcurrencyStamp!);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : UpsellPersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : UpsellPersonalDataTests(fixture);
}
