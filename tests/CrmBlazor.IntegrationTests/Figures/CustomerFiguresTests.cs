using CrmBlazor.Host.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Segments;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Figures;

/// <summary>
/// Plugins' customer figures (ICustomerFigures) as event handlers set them: often several at once for
/// the same customer, when the outbox delivers events in parallel.
/// </summary>
public abstract class CustomerFiguresTests(CrmHostFixture fixture)
{
    private const string ScoreFigure = SegmentMembershipTests.ScoreFigure;

    private readonly CrmHostFactory _host = fixture.Host;

    [Fact]
    public async Task SetAsync_ManyAtOnceForOneCustomer_AllSucceedAndOneValueRemains()
    {
        var customer = await new CustomerSituation().SaveAsync(_host);
        var values = Enumerable.Range(1, 16).Select(i => (double?)i).ToArray();

        await _host.InScopeAsync(async services =>
        {
            var figures = services.GetRequiredService<ICustomerFigures>();
            await Task.WhenAll(values.Select(v => Task.Run(() => figures.SetAsync(customer, ScoreFigure, v))));
            return true;
        });

        var stored = await FiguresOfAsync(customer);
        Assert.Contains(Assert.Single(stored), values);
    }

    [Fact]
    public async Task SetAsync_ClearingAndSettingAtOnce_AllSucceed()
    {
        var customer = await new CustomerSituation().SaveAsync(_host);
        await _host.InScopeAsync(async services =>
        {
            var figures = services.GetRequiredService<ICustomerFigures>();
            await figures.SetAsync(customer, ScoreFigure, 1);
            await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
                Task.Run(() => figures.SetAsync(customer, ScoreFigure, i % 2 == 0 ? null : i))));
            return true;
        });

        Assert.True((await FiguresOfAsync(customer)).Length <= 1);
    }

    [Fact]
    public async Task SetAsync_ManyAtOnceForOneCustomer_LogsNoError()
    {
        var customer = await new CustomerSituation().SaveAsync(_host);

        using var log = _host.Log.Record();
        await _host.InScopeAsync(async services =>
        {
            var figures = services.GetRequiredService<ICustomerFigures>();
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => figures.SetAsync(customer, ScoreFigure, 42))));
            return true;
        });

        Assert.Empty(log.Errors);
        Assert.Equal([42.0], await FiguresOfAsync(customer));
    }

    [Fact]
    public async Task SetAsync_AfterOtherValuesAtOnce_KeepsTheLastValue()
    {
        var customer = await new CustomerSituation().SaveAsync(_host);

        await _host.InScopeAsync(async services =>
        {
            var figures = services.GetRequiredService<ICustomerFigures>();
            await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => figures.SetAsync(customer, ScoreFigure, i))));
            await figures.SetAsync(customer, ScoreFigure, 2.5);
            return true;
        });

        Assert.Equal([2.5], await FiguresOfAsync(customer));
    }

    [Fact]
    public async Task SetAsync_ADateWithAnOffset_IsStoredAsTheSameInstant()
    {
        var customer = await new CustomerSituation().SaveAsync(_host);
        var date = new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.FromHours(5.5));

        await _host.InScopeAsync(services => services.GetRequiredService<ICustomerFigures>().SetAsync(customer, ScoreFigure, 1, date));

        var stored = await _host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.CustomerFigures.Where(f => f.CustomerId == customer && f.FigureId == ScoreFigure).Select(f => f.DateValue).SingleAsync();
        });
        Assert.Equal(date, stored);
    }

    private Task<double?[]> FiguresOfAsync(long customer) => _host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.CustomerFigures.Where(f => f.CustomerId == customer && f.FigureId == ScoreFigure).Select(f => f.NumberValue).ToArrayAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : CustomerFiguresTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : CustomerFiguresTests(fixture);
}
