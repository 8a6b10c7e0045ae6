using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Allocations;

/// <summary>A project completed in the projects plugin frees the people planned on it from that day on.</summary>
public abstract class ProjectCompletionTests(ResourcesHostFixture fixture)
{
    [Fact]
    public async Task ProjectCompleted_EndsItsAllocationsThatDayAndRemovesThoseNotStarted()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var person = await fixture.Resources.AddPersonAsync(admin, today.AddDays(-60));
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, today.AddDays(-20), today.AddDays(40), 10m)).Saved);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, today.AddDays(50), today.AddDays(60), 10m)).Saved);

        await fixture.Resources.ChangeProjectStatusAsync(admin, project, ProjectStatus.Completed);

        var left = await Eventually.ReturnsAsync(
            "the allocations ended with the project",
            () => fixture.Resources.AllocationsOfAsync(admin, person, today.AddDays(-30), today.AddDays(90)),
            rows => rows.Count == 1 && rows[0].EndDate <= today);
        Assert.Equal(today.AddDays(-20), Assert.Single(left).StartDate);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : ProjectCompletionTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : ProjectCompletionTests(fixture);
}
