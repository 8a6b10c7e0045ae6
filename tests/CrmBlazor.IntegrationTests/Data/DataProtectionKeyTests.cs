using CrmBlazor.IntegrationTests.Hosting;

namespace CrmBlazor.IntegrationTests.Data;

/// <summary>The Data Protection key ring lives in the database, so every host instance reads the same keys.</summary>
public abstract class DataProtectionKeyTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task KeyRing_AfterAFormWasServed_IsStoredInTheDatabase()
    {
        using var client = fixture.Host.CreateBrowserClient();
        (await client.GetAsync("/account/login")).Dispose();

        var keys = await fixture.Database.ColumnAsync<string>("SELECT \"Xml\" FROM crm_data_protection_keys");

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.StartsWith("<key ", xml, StringComparison.Ordinal));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : DataProtectionKeyTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : DataProtectionKeyTests(fixture);
}
