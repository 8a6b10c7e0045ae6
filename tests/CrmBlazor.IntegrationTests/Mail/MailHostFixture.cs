using System.Globalization;
using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Testing.Mail;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// A host configured to send through <see cref="Smtp"/>, a real SMTP server started with it, on a fresh
/// database of one provider; shared by the mail tests of that provider.
/// </summary>
public abstract class MailHostFixture : HostFixture, IAsyncLifetime, IDisposable
{
    /// <summary>The sender configured in <c>Mail:From</c>.</summary>
    public const string From = "crm@firm.example";

    /// <summary>The CRM's public address configured in <c>Crm:PublicUrl</c>, which e-mailed links start with.</summary>
    public const string PublicUrl = "https://crm.firm.example";

    /// <summary>The sender's name configured in <c>Mail:FromName</c> (Gujarati: "Patel &amp; Sons").</summary>
    public const string FromName = "પટેલ એન્ડ સન્સ";

    /// <summary>Creates the fixture and starts its SMTP server.</summary>
    /// <param name="provider">The provider under test.</param>
    protected MailHostFixture(DatabaseProvider provider)
        : this(provider, new TestSmtpServer())
    {
    }

    private MailHostFixture(DatabaseProvider provider, TestSmtpServer smtp)
        : base(provider, new HostSetup("no-plugins").WithSettings(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From"] = From,
            ["Mail:FromName"] = FromName,
            ["Crm:PublicUrl"] = PublicUrl,
        }))
    {
        Smtp = smtp;
        smtp.Start();
    }

    /// <summary>The SMTP server the host sends through.</summary>
    public TestSmtpServer Smtp { get; }

    public void Dispose()
    {
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The mail host on SQLite.</summary>
public sealed class SqliteMailHostFixture() : MailHostFixture(DatabaseProvider.Sqlite);

/// <summary>The mail host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresMailHostFixture() : MailHostFixture(DatabaseProvider.Postgres);

/// <summary>The mail tests on SQLite.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteMailHost : ICollectionFixture<SqliteMailHostFixture>
{
    public const string Name = "Mail: SQLite host";
}

/// <summary>The mail tests on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresMailHost : ICollectionFixture<PostgresMailHostFixture>
{
    public const string Name = "Mail: PostgreSQL host";
}
