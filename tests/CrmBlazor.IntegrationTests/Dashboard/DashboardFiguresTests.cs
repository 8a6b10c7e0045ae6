using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's customer numbers and open complaints and inquiries, on the shared database: each
/// test compares before and after its own records, or uses dates no other test uses.
/// </summary>
public abstract class DashboardFiguresTests(CrmHostFixture fixture)
{
    private static readonly DateTimeOffset May2035 = new(2035, 5, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NewThisMonth_CountsActiveCustomersCreatedSinceTheFirstOfTheMonth()
    {
        await new CustomerBuilder().CreatedAt(new DateTimeOffset(2035, 5, 1, 0, 0, 0, TimeSpan.Zero)).SaveAsync(fixture.Host);
        await new CustomerBuilder().CreatedAt(new DateTimeOffset(2035, 5, 14, 9, 0, 0, TimeSpan.Zero)).SaveAsync(fixture.Host);
        await new CustomerBuilder().CreatedAt(new DateTimeOffset(2035, 4, 30, 23, 59, 59, TimeSpan.Zero)).SaveAsync(fixture.Host);
        await new CustomerBuilder().CreatedAt(new DateTimeOffset(2035, 5, 10, 9, 0, 0, TimeSpan.Zero)).Archived().SaveAsync(fixture.Host);

        var numbers = await NumbersAsync(May2035);

        Assert.Equal(2, numbers.NewThisMonth);
    }

    [Fact]
    public async Task Active_ArchivedCustomers_AreNotCounted()
    {
        var before = await NumbersAsync(May2035);
        await new CustomerBuilder().SaveAsync(fixture.Host);
        await new CustomerBuilder().SaveAsync(fixture.Host);
        await new CustomerBuilder().Archived().SaveAsync(fixture.Host);

        var after = await NumbersAsync(May2035);

        Assert.Equal(before.Active + 2, after.Active);
    }

    [Fact]
    public async Task Quiet_NoInteractionForNinetyDaysOrNever_AreCounted()
    {
        var before = await NumbersAsync(May2035);
        await new CustomerBuilder().LastInteractionAt(May2035.AddDays(-89)).SaveAsync(fixture.Host);
        await new CustomerBuilder().LastInteractionAt(May2035.AddDays(-91)).SaveAsync(fixture.Host);
        await new CustomerBuilder().SaveAsync(fixture.Host);

        var after = await NumbersAsync(May2035);

        Assert.Equal(before.Quiet + 2, after.Quiet);
    }

    [Fact]
    public async Task OpenCases_OnlyOpenComplaintsAndInquiries_AreCounted()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var before = await OpenCasesAsync();
        await new InteractionBuilder(customer.Id).Complaint().SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).Complaint().Resolved().SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).Inquiry().SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).Inquiry().SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).SaveAsync(fixture.Host);

        var after = await OpenCasesAsync();

        Assert.Equal((before.Complaints + 1, before.Inquiries + 2), (after.Complaints, after.Inquiries));
    }

    [Fact]
    public async Task OpenCases_Oldest_ComeFirstWithTheirCustomerAndWhoHandlesThem()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var managerId = await UserIdAsync(manager);
        var customer = await new CustomerBuilder().Named("கோயம்புத்தூர் ஜவுளி நிறுவனம்").SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).Inquiry().About("Price list").At(new DateTimeOffset(1990, 1, 2, 9, 0, 0, TimeSpan.Zero)).SaveAsync(fixture.Host);
        await new InteractionBuilder(customer.Id).Complaint().About("Late delivery").HandledBy(managerId).At(new DateTimeOffset(1990, 1, 1, 9, 0, 0, TimeSpan.Zero)).SaveAsync(fixture.Host);

        var open = await OpenCasesAsync(oldest: 2);

        Assert.Equal(["Late delivery", "Price list"], open.Oldest.Select(o => o.Subject));
        Assert.All(open.Oldest, o => Assert.Equal((customer.Id, customer.Name), (o.CustomerId, o.CustomerName)));
        Assert.Equal([manager.Email, null], open.Oldest.Select(o => o.OwnerName));
    }

    private Task<CustomerNumbers> NumbersAsync(DateTimeOffset now) =>
        QueryAsync(db => CustomerNumbers.LoadAsync(db, now, TimeZoneInfo.Utc));

    private Task<OpenCaseSummary> OpenCasesAsync(int oldest = 5) =>
        QueryAsync(db => OpenCaseSummary.LoadAsync(db, oldest));

    private Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    private Task<string> UserIdAsync(TestUser user) => fixture.Host.InScopeAsync(async services =>
        (await services.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email))!.Id);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : DashboardFiguresTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : DashboardFiguresTests(fixture);
}
