using System.Net;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Privacy;

/// <summary>
/// A member of staff's planning data in the export and the erasure of their personal data on the users
/// page: schedules, time off (sickness is health data) and allocations are in the download; the erasure
/// removes them but keeps the allocations, anonymously, so projects keep their planned hours.
/// </summary>
public abstract class StaffPersonalDataTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public async Task Export_OfAPlannedUser_HoldsTheirScheduleTimeOffAndAllocations()
    {
        var (admin, staff, _, _) = await PlannedUserAsync();
        using var client = await fixture.Host.SignInAsync(admin.User);

        using var response = await client.GetAsync($"/admin/users/{staff.Id}/personal-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var resources = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["plugins"]!["resources"]!;
        Assert.Equal(450, (int)resources["schedules"]![0]!["mondayMinutes"]!);
        Assert.Equal("Sick", (string?)resources["timeOff"]![0]!["kind"]);
        Assert.Equal("Prefers the morning slots", (string?)resources["allocations"]![0]!["note"]);
        Assert.Equal(12m, (decimal)resources["allocations"]![0]!["hours"]!);
    }

    [Theory]
    [InlineData(CrmRoles.Manager)]
    [InlineData(CrmRoles.Staff)]
    public async Task Export_AsNonAdministrator_IsForbidden(string role)
    {
        var (_, staff, _, _) = await PlannedUserAsync();
        var other = await Person.CreateAsync(fixture.Host, role);
        using var client = await fixture.Host.SignInAsync(other.User);

        using var response = await client.GetAsync($"/admin/users/{staff.Id}/personal-data");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Prefers the morning slots", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_OfADeactivatedUser_RemovesScheduleAndTimeOff_AndKeepsTheAllocationsAnonymously()
    {
        var (admin, staff, personId, project) = await PlannedUserAsync();
        Assert.True((await fixture.Host.AsUserAsync(admin.User, async s => await s.GetRequiredService<UserAdministration>().DeactivateAsync(staff.Id, await VersionOfAsync(staff)))).Succeeded);

        var erased = await fixture.Host.AsUserAsync(admin.User, async s => await s.GetRequiredService<UserAdministration>().EraseAsync(staff.Id, await VersionOfAsync(staff)));

        Assert.True(erased.Succeeded, string.Join(" ", erased.Messages));
        var export = await fixture.Host.AsUserAsync(admin.User, s => s.GetRequiredService<StaffPersonalData>().ExportAsync(staff.Id));
        var resources = export!["plugins"]!["resources"]!;
        Assert.StartsWith("Former user ", (string?)resources["person"]!["name"], StringComparison.Ordinal);
        Assert.Empty(resources["schedules"]!.AsArray());
        Assert.Empty(resources["timeOff"]!.AsArray());
        Assert.Null((string?)resources["allocations"]![0]!["note"]);
        var planned = Assert.Single(await fixture.Resources.AllocationsOfAsync(admin, personId, Monday, Monday.AddDays(13)));
        Assert.Equal(project, planned.ProjectId);
        Assert.Equal(12m, planned.Hours);
    }

    [Fact]
    public async Task Erase_OfAnActiveUser_IsRefused_AndTheirPlanningStays()
    {
        var (admin, staff, personId, _) = await PlannedUserAsync();

        var refused = await fixture.Host.AsUserAsync(admin.User, async s => await s.GetRequiredService<UserAdministration>().EraseAsync(staff.Id, await VersionOfAsync(staff)));

        Assert.False(refused.Succeeded);
        var weeks = await fixture.Resources.WeeksAsync(admin, personId, Monday, Monday);
        Assert.Equal(37.5m - 7.5m, Assert.Single(weeks).Capacity);
    }

    /// <summary>A member of staff planned on a project: 7.5 h Monday to Friday, a sick day, 12 h a week for two weeks with a note.</summary>
    private async Task<(Person Admin, Person Staff, long PersonId, long ProjectId)> PlannedUserAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var personId = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: staff);
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, personId, Monday, Monday, kind: "Sick")).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, personId, project, Monday, Monday.AddDays(13), 12m, configure: input => input.Note = "Prefers the morning slots")).Saved);
        return (admin, staff, personId, project);
    }

    private Task<string> VersionOfAsync(Person user) => fixture.Host.InScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<CrmUser>>().FindByIdAsync(user.Id))!.ConcurrencyStamp!);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : StaffPersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : StaffPersonalDataTests(fixture);
}
