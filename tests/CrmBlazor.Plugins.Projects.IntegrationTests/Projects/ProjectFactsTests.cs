using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Projects;

/// <summary>
/// The facts other plugins read through <see cref="IProjectFacts"/>: budget and burn (hours, and the
/// money value of billable time at the rate that applies), the people on the project, and time per
/// person and day.
/// </summary>
public abstract class ProjectFactsTests(ProjectsHostFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 8, 3);

    [Fact]
    public async Task Facts_OfAProjectWithTime_GiveBurnAgainstBothBudgetsAndThePeople()
    {
        var (manager, consultant, senior, project) = await ProjectAsync(BillingMode.TimeAndMaterials);
        await fixture.Projects.SetPersonRateAsync(manager, project, senior.Id, 150m);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 120), new Cell(project, Monday.AddDays(1), 60, Billable: false));
        await fixture.Projects.SaveWeekAsync(senior, senior.Id, Monday, new Cell(project, Monday, 240));

        var facts = await FactsAsync(project);

        Assert.Equal(new ProjectBurn(7m, 6m, 800m, 800m, 70m, 80m), facts.Burn);
        Assert.Equal(
            [(senior.Id, 150m, 4m), (consultant.Id, (decimal?)null, 3m)],
            facts.People.Select(p => (p.UserId, p.HourlyRate, p.Hours)));
    }

    [Fact]
    public async Task Facts_OfAFixedFeeProject_CountAllTimeAgainstTheFee()
    {
        var (_, consultant, _, project) = await ProjectAsync(BillingMode.FixedFee);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 300, Billable: false));

        var facts = await FactsAsync(project);

        Assert.Equal((500m, 50m, 0m), (facts.Burn.Amount, facts.Burn.AmountPercent!.Value, facts.Burn.BillableHours));
    }

    [Fact]
    public async Task List_ByCustomerAndStatus_GivesOnlyThoseProjects()
    {
        var (manager, _, _, project) = await ProjectAsync(BillingMode.TimeAndMaterials);
        var customerId = (await FactsAsync(project)).CustomerId;
        var planned = await fixture.Projects.CreateProjectAsync(manager, customerId, input => input.Status = ProjectStatus.Planned);

        var active = await Facts(f => f.ListAsync(new ProjectFactsQuery(customerId, [ProjectStatus.Active])));

        Assert.Equal([project], active.Select(f => f.ProjectId));
        Assert.DoesNotContain(planned, active.Select(f => f.ProjectId));
    }

    [Fact]
    public async Task LoggedTime_InAPeriod_IsSummedPerProjectPersonAndDay()
    {
        var (_, consultant, _, project) = await ProjectAsync(BillingMode.TimeAndMaterials);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday,
            new Cell(project, Monday, 120), new Cell(project, Monday, 30, Billable: false), new Cell(project, Monday.AddDays(2), 60));

        var logged = await Facts(f => f.GetLoggedTimeAsync(new LoggedTimeQuery(Monday, Monday.AddDays(6), ProjectId: project)));

        Assert.Equal([(Monday, 150, 120), (Monday.AddDays(2), 60, 60)], logged.Select(l => (l.Date, l.Minutes, l.BillableMinutes)));
        Assert.All(logged, l => Assert.Equal(consultant.Id, l.UserId));
    }

    [Fact]
    public async Task Names_OfGivenProjects_AreTheirNames_AndLeaveOutProjectsThatDoNotExist()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().Named("ಮೈಸೂರು ರೇಷ್ಮೆ ಮಳಿಗೆ").SaveAsync(fixture.Host);
        var migration = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Name = "ಗೋದಾಮು ವಲಸೆ");
        var audit = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input => input.Name = "ತೆರಿಗೆ ಪರಿಶೀಲನೆ");
        var notAsked = await fixture.Projects.CreateProjectAsync(manager, customer.Id);

        var names = await Facts(f => f.GetNamesAsync([migration, audit, migration, -1]));

        Assert.Equal(
            new Dictionary<long, string> { [migration] = "ಗೋದಾಮು ವಲಸೆ", [audit] = "ತೆರಿಗೆ ಪರಿಶೀಲನೆ" }.OrderBy(n => n.Key),
            names.OrderBy(n => n.Key));
        Assert.DoesNotContain(notAsked, names.Keys);
        Assert.Empty(await Facts(f => f.GetNamesAsync([])));
    }

    [Fact]
    public async Task MonthlyHours_AcrossAMonthBorder_AreSummedPerProjectAndCalendarMonth()
    {
        // 31 August 2026 is a Monday: the week runs into September.
        var monday = new DateOnly(2026, 8, 31);
        var (manager, consultant, _, project) = await ProjectAsync(BillingMode.TimeAndMaterials);
        var customerId = (await FactsAsync(project)).CustomerId;
        var other = await new CustomerBuilder().Named("თბილისის ღვინის მარანი").SaveAsync(fixture.Host);
        var otherProject = await fixture.Projects.CreateProjectAsync(manager, other.Id);
        var sameCustomer = await fixture.Projects.CreateProjectAsync(manager, customerId);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, monday,
            new Cell(project, monday, 120), new Cell(project, monday.AddDays(1), 60, Billable: false), new Cell(project, monday.AddDays(2), 30),
            new Cell(otherProject, monday, 90), new Cell(sameCustomer, monday.AddDays(4), 45));
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, new DateOnly(2026, 7, 31), 600);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, new DateOnly(2026, 10, 1), 600);
        long[] mine = [project, otherProject, sameCustomer];

        var months = await Facts(f => f.GetMonthlyHoursAsync(new MonthlyHoursQuery(new DateOnly(2026, 8, 15), new DateOnly(2026, 9, 30))));

        Assert.Equal(
            [
                (new DateOnly(2026, 8, 1), customerId, project, 120, 120),
                (new DateOnly(2026, 8, 1), other.Id, otherProject, 90, 90),
                (new DateOnly(2026, 9, 1), customerId, project, 90, 30),
                (new DateOnly(2026, 9, 1), customerId, sameCustomer, 45, 45),
            ],
            months.Where(m => mine.Contains(m.ProjectId)).Select(m => (m.Month, m.CustomerId, m.ProjectId, m.Minutes, m.BillableMinutes))
                .OrderBy(m => m.Month).ThenBy(m => m.ProjectId == otherProject).ThenBy(m => m.ProjectId));
    }

    [Fact]
    public async Task MonthlyHours_OfOneCustomer_LeaveOutOtherCustomers_AndAnEmptyRangeGivesNothing()
    {
        var (manager, consultant, _, project) = await ProjectAsync(BillingMode.TimeAndMaterials);
        var customerId = (await FactsAsync(project)).CustomerId;
        var other = await new CustomerBuilder().Named("ಮಂಗಳೂರು ಕಾಫಿ").SaveAsync(fixture.Host);
        var otherProject = await fixture.Projects.CreateProjectAsync(manager, other.Id);
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday, new Cell(project, Monday, 60), new Cell(otherProject, Monday, 60));

        var months = await Facts(f => f.GetMonthlyHoursAsync(new MonthlyHoursQuery(Monday, Monday, customerId)));

        Assert.Equal([(project, 60)], months.Select(m => (m.ProjectId, m.Minutes)));
        Assert.Empty(await Facts(f => f.GetMonthlyHoursAsync(new MonthlyHoursQuery(Monday, Monday.AddMonths(-1), customerId))));
    }

    private async Task<(Person Manager, Person Consultant, Person Senior, long Project)> ProjectAsync(BillingMode mode)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var senior = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("სურამის ჩაის სახლი").SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input =>
        {
            input.BillingMode = mode;
            input.HourlyRate = 100m;
            input.BudgetHours = 10m;
            input.BudgetAmount = 1000m;
        });
        return (manager, consultant, senior, project);
    }

    private Task<ProjectFacts> FactsAsync(long projectId) => Facts(async f => (await f.GetAsync(projectId))!);

    private Task<T> Facts<T>(Func<IProjectFacts, Task<T>> call) => fixture.Host.InScopeAsync(services => call(services.GetRequiredService<IProjectFacts>()));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : ProjectFactsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : ProjectFactsTests(fixture);
}
