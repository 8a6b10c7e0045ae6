using System.Globalization;
using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>
/// One host with the projects and invoicing plugins in its plugins folder, on a fresh database of one provider,
/// shared by every test class of the provider's collection. Every test makes its own customer,
/// people and projects, so tests do not see each other's data. The billable time contract can be made
/// to fail on purpose (<see cref="Faults"/>). The host sends mail through <see cref="Smtp"/>, a real SMTP
/// server started with it; tests tell their messages apart by the customer's unique address.
/// </summary>
public abstract class InvoicingHostFixture : HostFixture, IAsyncLifetime, IDisposable
{
    /// <summary>The folder the build copies the plugin into, next to the test assembly.</summary>
    public const string PluginsPath = "invoicing-plugins";

    /// <summary>The sender configured in <c>Mail:From</c>.</summary>
    public const string From = "accounts@firm.example";

    /// <summary>Creates the fixture and starts its SMTP server.</summary>
    /// <param name="provider">The provider under test.</param>
    /// <param name="environmentName">The host's environment: Development unless a fixture says otherwise.</param>
    protected InvoicingHostFixture(DatabaseProvider provider, string environmentName)
        : this(provider, environmentName, new TestSmtpServer())
    {
    }

    private InvoicingHostFixture(DatabaseProvider provider, string environmentName, TestSmtpServer smtp)
        : base(provider, new HostSetup(PluginsPath) { EnvironmentName = environmentName, TestServices = TimeSourceFaults.AddTimeSourceFaults }
            .WithSettings(new Dictionary<string, string?>
            {
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:From"] = From,
            }))
    {
        Smtp = smtp;
        smtp.Start();
    }

    /// <summary>The plugins as the shared host loaded them.</summary>
    public InvoicingPlugin Invoicing => InvoicingPlugin.In(Host);

    /// <summary>Crashes the host's work at a step of the billable time contract when a test arms it.</summary>
    public TimeSourceFaults Faults => Host.Services.GetRequiredService<TimeSourceFaults>();

    /// <summary>The SMTP server the host sends through.</summary>
    public TestSmtpServer Smtp { get; }

    public void Dispose()
    {
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteInvoicingHostFixture() : InvoicingHostFixture(DatabaseProvider.Sqlite, Environments.Development);

/// <summary>
/// A host in the Production environment on SQLite, shared by the SQLite collection, for what must hold
/// outside Development as well (answers of the endpoints).
/// </summary>
public sealed class ProductionInvoicingHostFixture() : InvoicingHostFixture(DatabaseProvider.Sqlite, Environments.Production);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresInvoicingHostFixture() : InvoicingHostFixture(DatabaseProvider.Postgres, Environments.Development);

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteInvoicingHostFixture>, ICollectionFixture<ProductionInvoicingHostFixture>
{
    public const string Name = "Invoicing on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresInvoicingHostFixture>
{
    public const string Name = "Invoicing on PostgreSQL";
}
