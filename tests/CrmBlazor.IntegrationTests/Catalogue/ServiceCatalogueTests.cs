using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Catalogue;

/// <summary>
/// The firm's service catalogue: administrators and managers keep it, every plugin reads it through
/// <see cref="IServiceCatalogue"/>; services are retired, never deleted.
/// </summary>
public abstract class ServiceCatalogueTests(CrmHostFixture fixture)
{
    private readonly CrmHostFactory _host = fixture.Host;

    [Fact]
    public async Task Create_ByAManager_IsReadByPluginsThroughTheCatalogue()
    {
        var name = "Payroll " + Guid.NewGuid();

        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = "  " + name + " ", Code = "PAY", SacCode = "998223", DefaultTaxRate = 18m }));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal(new CatalogueService(result.Id!.Value, name, "PAY", "998223", 18m, false), await Catalogue(c => c.GetAsync(result.Id!.Value)));
        Assert.Contains(await Catalogue(c => c.ListAsync()), s => s.Id == result.Id);
    }

    [Fact]
    public async Task Create_ByAnAdministrator_IsSaved()
    {
        var result = await AsAsync(CrmRoles.Admin, s => s.CreateAsync(new ServiceInput { Name = "Cloud hosting " + Guid.NewGuid() }));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
    }

    [Theory]
    [InlineData(CrmRoles.Staff)]
    [InlineData(CrmRoles.Accountant)]
    public async Task Create_WithoutTheManagePermission_IsForbiddenAndSavesNothing(string role)
    {
        var name = "Forbidden " + Guid.NewGuid();

        var result = await AsAsync(role, s => s.CreateAsync(new ServiceInput { Name = name }));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.DoesNotContain(await Catalogue(c => c.ListAsync(includeRetired: true)), s => s.Name == name);
    }

    [Fact]
    public async Task Retire_WithoutTheManagePermission_IsForbiddenAndKeepsTheServiceOffered()
    {
        var service = await CreateAsync();

        var result = await AsAsync(CrmRoles.Staff, s => s.SetRetiredAsync(service.Id, true, service.RowVersion));

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.False((await Catalogue(c => c.GetAsync(service.Id)))!.IsRetired);
    }

    [Theory]
    [InlineData("998", "A SAC code has six digits and starts with 99, e.g. 998314.")]
    [InlineData("9983145", "A SAC code has six digits and starts with 99, e.g. 998314.")]
    [InlineData("981234", "A SAC code has six digits and starts with 99, e.g. 998314.")]
    [InlineData("99831A", "A SAC code has six digits and starts with 99, e.g. 998314.")]
    public async Task Create_SacCodeThatIsNotIndias_IsRefusedWithTheRule(string sac, string message)
    {
        var name = "Bad SAC " + Guid.NewGuid();

        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = name, SacCode = sac }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal([message], result.For(nameof(ServiceInput.SacCode)).Select(p => p.Text));
        Assert.DoesNotContain(await Catalogue(c => c.ListAsync(includeRetired: true)), s => s.Name == name);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public async Task Create_TaxRateOutsideZeroToHundred_IsRefused(double rate)
    {
        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = "Bad rate " + Guid.NewGuid(), DefaultTaxRate = (decimal)rate }));

        Assert.Equal(["The tax rate must be between 0 and 100 %."], result.For(nameof(ServiceInput.DefaultTaxRate)).Select(p => p.Text));
    }

    [Fact]
    public async Task Create_EmptyNameAndACodeWithSpaces_AreBothRefused()
    {
        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = " ", Code = "SUP M" }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(ServiceInput.Name)));
        Assert.Equal(["The code may hold letters, digits, dots, dashes and underscores only."], result.For(nameof(ServiceInput.Code)).Select(p => p.Text));
    }

    [Fact]
    public async Task Create_NameOfAnotherService_IsRefused()
    {
        var taken = await CreateAsync();

        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = taken.Name }));

        Assert.Equal(["Another service already has this name."], result.For(nameof(ServiceInput.Name)).Select(p => p.Text));
    }

    [Fact]
    public async Task Update_FromAStaleVersion_IsAConflictAndKeepsTheOtherEdit()
    {
        var service = await CreateAsync();
        Assert.True((await AsAsync(CrmRoles.Manager, s => s.UpdateAsync(service.Id, new ServiceInput { Name = service.Name, SacCode = "998313", RowVersion = service.RowVersion }))).Succeeded);

        var second = await AsAsync(CrmRoles.Manager, s => s.UpdateAsync(service.Id, new ServiceInput { Name = service.Name, SacCode = "998314", RowVersion = service.RowVersion }));

        Assert.Equal(ChangeStatus.Conflict, second.Status);
        Assert.Equal("998313", (await Catalogue(c => c.GetAsync(service.Id)))!.SacCode);
    }

    [Fact]
    public async Task Retire_LeavesTheServiceToWhatRefersToIt_ButNoLongerOffersIt_AndRestoreOffersItAgain()
    {
        var service = await CreateAsync();

        var retired = await AsAsync(CrmRoles.Manager, s => s.SetRetiredAsync(service.Id, true, service.RowVersion));

        Assert.True(retired.Succeeded, string.Join(" ", retired.Messages));
        Assert.DoesNotContain(await Catalogue(c => c.ListAsync()), s => s.Id == service.Id);
        Assert.Contains(await Catalogue(c => c.ListAsync(includeRetired: true)), s => s.Id == service.Id && s.IsRetired);
        Assert.True((await Catalogue(c => c.GetAsync(service.Id)))!.IsRetired);

        var version = (await AsAsync(CrmRoles.Manager, s => s.ListAsync())).Single(s => s.Id == service.Id).RowVersion;
        Assert.True((await AsAsync(CrmRoles.Manager, s => s.SetRetiredAsync(service.Id, false, version))).Succeeded);
        Assert.Contains(await Catalogue(c => c.ListAsync()), s => s.Id == service.Id);
    }

    [Fact]
    public async Task Retire_FromAStaleVersion_IsAConflict()
    {
        var service = await CreateAsync();
        Assert.True((await AsAsync(CrmRoles.Manager, s => s.UpdateAsync(service.Id, new ServiceInput { Name = service.Name, Code = "X1", RowVersion = service.RowVersion }))).Succeeded);

        var result = await AsAsync(CrmRoles.Manager, s => s.SetRetiredAsync(service.Id, true, service.RowVersion));

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.False((await Catalogue(c => c.GetAsync(service.Id)))!.IsRetired);
    }

    [Fact]
    public async Task Get_AServiceThatDoesNotExist_IsNull()
    {
        Assert.Null(await Catalogue(c => c.GetAsync(-1)));
    }

    private async Task<FirmService> CreateAsync()
    {
        var name = "Bookkeeping " + Guid.NewGuid();
        var result = await AsAsync(CrmRoles.Manager, s => s.CreateAsync(new ServiceInput { Name = name, SacCode = "998222", DefaultTaxRate = 18m }));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return (await AsAsync(CrmRoles.Manager, s => s.ListAsync())).Single(s => s.Id == result.Id);
    }

    private async Task<T> AsAsync<T>(string role, Func<ServiceAdministration, Task<T>> action)
    {
        var user = await _host.CreateUserAsync(role);
        return await _host.AsUserAsync(user, services => action(services.GetRequiredService<ServiceAdministration>()));
    }

    private Task<T> Catalogue<T>(Func<IServiceCatalogue, Task<T>> read) =>
        _host.InScopeAsync(services => read(services.GetRequiredService<IServiceCatalogue>()));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : ServiceCatalogueTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : ServiceCatalogueTests(fixture);
}
