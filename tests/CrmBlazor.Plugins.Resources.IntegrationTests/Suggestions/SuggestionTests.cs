using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Suggestions;

/// <summary>
/// "Find people": for a need (skill, level, hours per week, weeks), the people the user may plan who
/// have the skill at the level or above, those who fit every week first, then by level; free hours
/// after every allocation, time off and holiday.
/// </summary>
public abstract class SuggestionTests(ResourcesHostFixture fixture)
{
    // Weeks 45 and 46 of 2026: Monday 2 November to Sunday 15 November.
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public async Task Suggestions_ForANeed_ComeWithThoseWhoFitEveryWeekFirstThenByLevel()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var skill = Skill();
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var expertButBusy = await SkilledAsync(admin, skill, 5);
        var competent = await SkilledAsync(admin, skill, 3);
        var proficient = await SkilledAsync(admin, skill, 4);
        var beginner = await SkilledAsync(admin, skill, 2);
        var other = await SkilledAsync(admin, Skill(), 5);
        Assert.True((await fixture.Resources.AllocateAsync(admin, expertButBusy, project, Monday.AddDays(7), Monday.AddDays(13), 30m)).Saved);

        var (refused, people) = await fixture.Resources.SuggestAsync(admin, skill.ToUpperInvariant(), 3, 20m, Monday, 2);

        Assert.Null(refused);
        Assert.Equal([proficient, competent, expertButBusy], people.Select(p => p.PersonId));
        Assert.Equal([true, true, false], people.Select(p => p.FitsEveryWeek));
        Assert.Equal([37.5m, 7.5m], people[2].FreeHours);
        Assert.DoesNotContain(people, p => p.PersonId == beginner || p.PersonId == other);
    }

    [Fact]
    public async Task Suggestions_FreeHours_LeaveOutTimeOffAndPublicHolidays()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var skill = Skill();
        var person = await SkilledAsync(admin, skill, 4, calendarCode: "GB");
        Assert.True((await fixture.Resources.AddTimeOffAsync(admin, person, Monday, Monday)).Saved);

        // 25 December 2026, a Friday, is a public holiday in Great Britain (week 52).
        var (_, people) = await fixture.Resources.SuggestAsync(admin, skill, 1, 32m, Monday, 1);
        var (_, christmas) = await fixture.Resources.SuggestAsync(admin, skill, 1, 32m, new DateOnly(2026, 12, 21), 1);

        Assert.Equal((30m, false), (Assert.Single(Assert.Single(people).FreeHours), people[0].FitsEveryWeek));
        Assert.Equal(30m, Assert.Single(Assert.Single(christmas).FreeHours));
    }

    [Fact]
    public async Task Suggestions_ForAManager_AreOnlyThePeopleTheyPlan()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var skill = Skill();
        var own = await SkilledAsync(admin, skill, 3, manager: manager);
        var colleague = await SkilledAsync(admin, skill, 5);

        var (_, forManager) = await fixture.Resources.SuggestAsync(manager, skill, 1, 10m, Monday, 2);
        var (_, forAdmin) = await fixture.Resources.SuggestAsync(admin, skill, 1, 10m, Monday, 2);

        Assert.Equal([own], forManager.Select(p => p.PersonId));
        Assert.Equal([colleague, own], forAdmin.Select(p => p.PersonId));
    }

    [Fact]
    public async Task Suggestions_LeaveOutPlaceholders()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var skill = Skill();
        var placeholder = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5));
        Assert.True((await fixture.Resources.SetSkillAsync(admin, placeholder, skill, 5)).Saved);

        var (refused, people) = await fixture.Resources.SuggestAsync(admin, skill, 1, 10m, Monday, 2);

        Assert.Null(refused);
        Assert.Empty(people);
    }

    [Fact]
    public async Task Suggestions_ForStaff_AreRefused()
    {
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        var (refused, people) = await fixture.Resources.SuggestAsync(staff, Skill(), 1, 10m, Monday, 2);

        Assert.Equal("Forbidden", refused?.Status);
        Assert.Empty(people);
    }

    [Fact]
    public async Task Suggestions_WithoutSkillOrWithTooManyWeeks_AreRefusedNamingTheFields()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);

        var (refused, _) = await fixture.Resources.SuggestAsync(admin, " ", 1, 10m, Monday, 27);

        Assert.Equal("Invalid", refused?.Status);
        Assert.Equal(["Skill", "Weeks"], refused!.Fields.Order(StringComparer.Ordinal));
    }

    private static string Skill() => "Skill " + Guid.NewGuid().ToString("N")[..8];

    private async Task<long> SkilledAsync(Person admin, string skill, int level, Person? manager = null, string? calendarCode = null)
    {
        var user = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var person = await fixture.Resources.AddPersonAsync(admin, new DateOnly(2026, 1, 5), user: user, manager: manager, calendarCode: calendarCode);
        Assert.True((await fixture.Resources.SetSkillAsync(admin, person, skill, level)).Saved);
        return person;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : SuggestionTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : SuggestionTests(fixture);
}
