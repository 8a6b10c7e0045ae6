using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Projects;

/// <summary>
/// Changing projects: validation with clear messages, concurrent edits detected, status moves that
/// publish "project started" and "project completed" and put them on the customer's timeline.
/// </summary>
public abstract class ProjectChangeTests(ProjectsHostFixture fixture)
{
    [Fact]
    public async Task Create_ForAnArchivedOrMissingCustomer_IsRefusedOnTheCustomerField()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customerId: 987_654_321);

        Assert.Equal(("Invalid", "Choose a customer that exists and is not archived."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Create_FixedFeeWithoutAFee_IsRefusedWithWhatIsMissing()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer.Id, input => input.BillingMode = BillingMode.FixedFee);

        Assert.Equal("A fixed-fee project needs its fee as the budget amount.", Assert.Single(outcome.Messages));
    }

    [Fact]
    public async Task Create_NameWithADirectionOverride_IsRefusedOnTheName()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer.Id, input => input.Name = "Relaunch \u202Egnp.exe");

        Assert.Equal(("Invalid", "Remove the invisible control or text-direction character at position 10."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Create_DescriptionWithLineBreaksAndAKannadaNameWithAJoiner_IsSaved()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer.Id, input =>
        {
            input.Name = "ಕಾರ್\u200Dಯ ಯೋಜನೆ";
            input.Description = "First phase\r\n\tDesign review";
        });

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
    }

    [Fact]
    public async Task Create_TakesTheCustomersCurrency()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id);

        Assert.Equal("EUR", (await Facts(project)).Currency);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsRefusedAsAConflictAndKeepsTheOtherChange()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id);

        var (first, second) = await fixture.Projects.ChangeBudgetTwiceFromTheSameVersionAsync(manager, project, 50m, 70m);

        Assert.True(first.Saved);
        Assert.Equal("Conflict", second.Status);
        Assert.Equal("Someone else changed this project since you opened it. Reload the page to see their changes, then make yours again.", Assert.Single(second.Messages));
        Assert.Equal(50m, (await Facts(project)).Budget.Hours);
    }

    [Fact]
    public async Task Complete_AnActiveProject_PublishesProjectCompletedOnceAndPutsItOnTheTimeline()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().Named("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ").SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Name = "ERP ಅನುಷ್ಠಾನ");

        var outcome = await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Completed);

        Assert.True(outcome.Saved);
        var completed = Assert.Single(await StoredEvents.OfAsync<ProjectCompleted>(fixture.Host), e => e.ProjectId == project);
        Assert.Equal((customer.Id, "ERP ಅನುಷ್ಠಾನ"), (completed.CustomerId, completed.ProjectName));
        var titles = await Eventually.ReturnsAsync("both entries reached the timeline", () => TimelineTitlesAsync(customer.Id), t => t.Count == 2);
        Assert.Equal(["Project completed: ERP ಅನುಷ್ಠಾನ", "Project started: ERP ಅನುಷ್ಠಾನ"], titles.Order(StringComparer.Ordinal));
        Assert.Equal(ProjectStatus.Completed, (await Facts(project)).Status);
    }

    [Fact]
    public async Task Create_AsPlannedThenStart_PublishesProjectStartedOnlyWhenItStarts()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Status = ProjectStatus.Planned);
        var beforeStart = (await StoredEvents.OfAsync<ProjectStarted>(fixture.Host)).Count(e => e.ProjectId == project);

        await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Active);
        await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.OnHold);
        await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Active);

        Assert.Equal(0, beforeStart);
        Assert.Single(await StoredEvents.OfAsync<ProjectStarted>(fixture.Host), e => e.ProjectId == project);
    }

    [Fact]
    public async Task ChangeStatus_SkippingTheWork_IsRefusedNamingBothStatuses()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Status = ProjectStatus.Planned);

        var outcome = await fixture.Projects.ChangeStatusAsync(manager, project, ProjectStatus.Completed);

        Assert.Equal(("Invalid", "A project cannot go from Planned to Completed."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    private Task<ProjectFacts> Facts(long projectId) => fixture.Host.InScopeAsync(async services =>
        (await services.GetRequiredService<IProjectFacts>().GetAsync(projectId))!);

    private async Task<List<string>> TimelineTitlesAsync(long customerId) =>
        [.. await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", customerId)];

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : ProjectChangeTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : ProjectChangeTests(fixture);
}
