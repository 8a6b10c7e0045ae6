using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.People;

/// <summary>
/// A person's details as the person page's form saves them: team, manager, public-holiday calendar and a
/// placeholder's name; only a planner of all gives another manager, a manager plans only their own people,
/// bad choices are refused on their field, and a form loaded before someone else's change is refused
/// without overwriting it.
/// </summary>
public abstract class PersonDetailsTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public async Task Administrator_SettingTeamManagerCalendarAndPlaceholderName_SavesThemAll()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var team = await fixture.Resources.AddTeamAsync(admin, "Design " + Guid.NewGuid().ToString("N")[..6]);
        var calendar = await fixture.Resources.CalendarIdAsync(admin, "PK");
        var placeholder = await fixture.Resources.AddPersonAsync(admin, Start);
        var loaded = (await fixture.Resources.PersonAsync(admin, placeholder))!;

        var outcome = await fixture.Resources.UpdatePersonAsync(admin, loaded, input =>
        {
            input.Name = "  ڈیزائنر، لاہور  ";
            input.TeamId = team;
            input.ManagerUserId = manager.Id;
            input.HolidayCalendarId = calendar;
        });

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var saved = (await fixture.Resources.PersonAsync(admin, placeholder))!;
        Assert.Equal(("ڈیزائنر، لاہور", team, manager.Id, calendar), (saved.Name, saved.TeamId, saved.ManagerUserId, saved.HolidayCalendarId));
        Assert.NotEqual(loaded.RowVersion, saved.RowVersion);

        // The new manager now plans the person.
        Assert.NotNull(await fixture.Resources.PersonAsync(manager, placeholder));
    }

    [Fact]
    public async Task Details_OfAUser_KeepTheNameOfTheirAccount()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, Start, user: await Person.CreateAsync(fixture.Host, CrmRoles.Staff));
        var loaded = (await fixture.Resources.PersonAsync(admin, person))!;

        var outcome = await fixture.Resources.UpdatePersonAsync(admin, loaded, input => input.Name = "Someone else");

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.Equal(loaded.Name, (await fixture.Resources.PersonAsync(admin, person))!.Name);
    }

    [Fact]
    public async Task Details_SavedFromAFormLoadedBeforeAnotherChange_AreRefusedAndTheOtherChangeStays()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var firstTeam = await fixture.Resources.AddTeamAsync(admin, "Mobile " + Guid.NewGuid().ToString("N")[..6]);
        var secondTeam = await fixture.Resources.AddTeamAsync(admin, "Web " + Guid.NewGuid().ToString("N")[..6]);
        var person = await fixture.Resources.AddPersonAsync(admin, Start);
        var loaded = (await fixture.Resources.PersonAsync(admin, person))!;
        Assert.True((await fixture.Resources.UpdatePersonAsync(admin, loaded, input => input.TeamId = firstTeam)).Saved);

        var stale = await fixture.Resources.UpdatePersonAsync(admin, loaded, input => input.TeamId = secondTeam);

        Assert.Equal(("Conflict", "Someone else changed this person since you opened the page. Reload it to see their change, then make yours again."),
            (stale.Status, Assert.Single(stale.Messages)));
        Assert.Equal(firstTeam, (await fixture.Resources.PersonAsync(admin, person))!.TeamId);
    }

    [Fact]
    public async Task Manager_ChangesTheTeamOfTheirPerson_ButNotTheirManager()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var otherManager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var teamId = await fixture.Resources.AddTeamAsync(admin, "Data " + Guid.NewGuid().ToString("N")[..6]);
        var person = await fixture.Resources.AddPersonAsync(admin, Start, user: await Person.CreateAsync(fixture.Host, CrmRoles.Staff), manager: manager);
        var loaded = (await fixture.Resources.PersonAsync(manager, person))!;

        var handedOver = await fixture.Resources.UpdatePersonAsync(manager, loaded, input => input.ManagerUserId = otherManager.Id);
        var teamChange = await fixture.Resources.UpdatePersonAsync(manager, loaded, input => input.TeamId = teamId);

        Assert.Equal(("Invalid", "ManagerUserId", "Only an administrator can give a person another manager."),
            (handedOver.Status, Assert.Single(handedOver.Fields), Assert.Single(handedOver.Messages)));
        Assert.True(teamChange.Saved, string.Join(" ", teamChange.Messages));
        var saved = (await fixture.Resources.PersonAsync(admin, person))!;
        Assert.Equal((teamId, manager.Id), (saved.TeamId, saved.ManagerUserId));
    }

    [Fact]
    public async Task Manager_ChangingAnotherManagersPerson_IsForbidden()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var otherManager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var person = await fixture.Resources.AddPersonAsync(admin, Start, manager: otherManager);
        var loaded = (await fixture.Resources.PersonAsync(admin, person))!;

        var outcome = await fixture.Resources.UpdatePersonAsync(manager, loaded, input => input.Name = "Taken over");

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Equal(loaded, await fixture.Resources.PersonAsync(admin, person));
    }

    [Fact]
    public async Task Details_WithATeamCalendarOrManagerThatDoNotExist_AreRefusedOnTheirFields()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, Start);
        var loaded = (await fixture.Resources.PersonAsync(admin, person))!;

        var outcome = await fixture.Resources.UpdatePersonAsync(admin, loaded, input =>
        {
            input.Name = " ";
            input.TeamId = -1L;
            input.HolidayCalendarId = -1L;
            input.ManagerUserId = "no-such-user";
        });

        Assert.Equal("Invalid", outcome.Status);
        Assert.Equal(["HolidayCalendarId", "ManagerUserId", "Name", "TeamId"], outcome.Fields.Order(StringComparer.Ordinal));
        Assert.Contains("Enter the name.", outcome.Messages);
        Assert.Contains("Choose a team that exists.", outcome.Messages);
        Assert.Equal(loaded, await fixture.Resources.PersonAsync(admin, person));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : PersonDetailsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : PersonDetailsTests(fixture);
}
