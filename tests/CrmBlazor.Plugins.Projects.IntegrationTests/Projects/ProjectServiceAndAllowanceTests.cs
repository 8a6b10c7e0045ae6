using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Projects;

/// <summary>
/// A project names the service of the firm's catalogue it delivers and may include hours per month
/// (a retainer); both are checked on the server and reach other plugins through <see cref="IProjectFacts"/>.
/// </summary>
public abstract class ProjectServiceAndAllowanceTests(ProjectsHostFixture fixture)
{
    [Fact]
    public async Task Create_WithAnOfferedServiceAndAnAllowance_IsSaved_AndTheFactsCarryBoth()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var service = await ServiceAsync();

        var project = await fixture.Projects.CreateProjectAsync(manager, customer, input =>
        {
            input.ServiceId = service.Id;
            input.MonthlyAllowanceHours = 12.5m;
        });

        var facts = await Facts(f => f.GetAsync(project));
        Assert.Equal((service.Id, 12.5m), (facts!.ServiceId, facts.MonthlyAllowanceHours));
        var listed = await Facts(f => f.ListAsync(new ProjectFactsQuery(customer)));
        Assert.Equal((service.Id, 12.5m), listed.Where(f => f.ProjectId == project).Select(f => (f.ServiceId, f.MonthlyAllowanceHours)).Single());
    }

    [Fact]
    public async Task Outlines_AreTheFactsWithoutBurnOrPeople_InTheSameOrder()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var service = await ServiceAsync();
        await fixture.Projects.CreateProjectAsync(manager, customer, input =>
        {
            input.Name = "ತುಮಕೂರು retainer";
            input.ServiceId = service.Id;
            input.MonthlyAllowanceHours = 8m;
            input.BudgetHours = 40m;
        });
        await fixture.Projects.CreateProjectAsync(manager, customer, input => input.Name = "Audit");

        var query = new ProjectFactsQuery(customer);
        var facts = await Facts(f => f.ListAsync(query));
        var outlines = await Facts(f => f.ListOutlinesAsync(query));

        Assert.Equal(2, outlines.Count);
        Assert.Equal(facts.Select(ProjectOutline.Of), outlines);
        Assert.Equal((service.Id, 8m, (decimal?)40m), outlines.Where(o => o.Name == "ತುಮಕೂರು retainer").Select(o => (o.ServiceId, o.MonthlyAllowanceHours, o.Budget.Hours)).Single());
    }

    [Fact]
    public async Task Create_WithoutServiceOrAllowance_HasNeither()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();

        var project = await fixture.Projects.CreateProjectAsync(manager, customer);

        var facts = await Facts(f => f.GetAsync(project));
        Assert.Equal(((long?)null, (decimal?)null), (facts!.ServiceId, facts.MonthlyAllowanceHours));
    }

    [Fact]
    public async Task Create_WithARetiredService_IsRefused()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var service = await ServiceAsync(retired: true);

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer, input => input.ServiceId = service.Id);

        Assert.Equal("Invalid", outcome.Status);
        Assert.Equal(["Choose a service the firm still offers."], outcome.Messages);
    }

    [Fact]
    public async Task Create_WithAServiceThatDoesNotExist_IsRefused()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer, input => input.ServiceId = -5L);

        Assert.Equal(["Choose a service the firm still offers."], outcome.Messages);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(2000.5)]
    public async Task Create_AllowanceOutOfRange_IsRefusedAndNothingIsSaved(double hours)
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var name = "Retainer " + Guid.NewGuid();

        var outcome = await fixture.Projects.TryCreateProjectAsync(manager, customer, input =>
        {
            input.Name = name;
            input.MonthlyAllowanceHours = (decimal)hours;
        });

        Assert.Equal(["The monthly allowance must be between 0.25 and 2,000 hours."], outcome.Messages);
        Assert.DoesNotContain(await Facts(f => f.ListAsync(new ProjectFactsQuery(customer))), f => f.Name == name);
    }

    [Fact]
    public async Task Edit_ChangesServiceAndAllowance()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var first = await ServiceAsync();
        var second = await ServiceAsync();
        var project = await fixture.Projects.CreateProjectAsync(manager, customer, input => input.ServiceId = first.Id);

        var outcome = await fixture.Projects.EditProjectAsync(manager, project, input =>
        {
            input.ServiceId = second.Id;
            input.MonthlyAllowanceHours = 20m;
        });

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        var facts = await Facts(f => f.GetAsync(project));
        Assert.Equal((second.Id, 20m), (facts!.ServiceId, facts.MonthlyAllowanceHours));
    }

    [Fact]
    public async Task Edit_AProjectWhoseServiceWasRetiredSince_KeepsItsService()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var service = await ServiceAsync();
        var project = await fixture.Projects.CreateProjectAsync(manager, customer, input => input.ServiceId = service.Id);
        await RetireAsync(service);

        var outcome = await fixture.Projects.EditProjectAsync(manager, project, input => input.MonthlyAllowanceHours = 8m);

        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        Assert.Equal(service.Id, (await Facts(f => f.GetAsync(project)))!.ServiceId);
    }

    [Fact]
    public async Task Edit_ToARetiredService_IsRefusedAndKeepsTheOldOne()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var offered = await ServiceAsync();
        var retired = await ServiceAsync(retired: true);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer, input => input.ServiceId = offered.Id);

        var outcome = await fixture.Projects.EditProjectAsync(manager, project, input => input.ServiceId = retired.Id);

        Assert.Equal(["Choose a service the firm still offers."], outcome.Messages);
        Assert.Equal(offered.Id, (await Facts(f => f.GetAsync(project)))!.ServiceId);
    }

    [Fact]
    public async Task Edit_ByStaff_IsForbidden()
    {
        var (manager, customer) = await ManagerAndCustomerAsync();
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer);

        var outcome = await fixture.Projects.EditProjectAsync(staff, project, input => input.MonthlyAllowanceHours = 40m);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Null((await Facts(f => f.GetAsync(project)))!.MonthlyAllowanceHours);
    }

    private async Task<(Person Manager, long Customer)> ManagerAndCustomerAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await new CustomerBuilder().Named("ભાવનગર ટેક્સટાઇલ્સ").SaveAsync(fixture.Host);
        return (manager, customer.Id);
    }

    private async Task<FirmService> ServiceAsync(bool retired = false)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        return await fixture.Host.AsUserAsync(admin.User, async services =>
        {
            var catalogue = services.GetRequiredService<ServiceAdministration>();
            var result = await catalogue.CreateAsync(new ServiceInput { Name = "IT support " + Guid.NewGuid(), SacCode = "998313" });
            Assert.True(result.Succeeded, string.Join(" ", result.Messages));
            var service = (await catalogue.ListAsync()).Single(s => s.Id == result.Id);
            if (retired)
            {
                Assert.True((await catalogue.SetRetiredAsync(service.Id, true, service.RowVersion)).Succeeded);
            }

            return service;
        });
    }

    private async Task RetireAsync(FirmService service)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var result = await fixture.Host.AsUserAsync(admin.User, services => services.GetRequiredService<ServiceAdministration>().SetRetiredAsync(service.Id, true, service.RowVersion));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    }

    private Task<T> Facts<T>(Func<IProjectFacts, Task<T>> call) => fixture.Host.InScopeAsync(services => call(services.GetRequiredService<IProjectFacts>()));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : ProjectServiceAndAllowanceTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : ProjectServiceAndAllowanceTests(fixture);
}
