using System.Globalization;
using CrmBlazor.Testing.Mail;
using CrmBlazor.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Mail;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Sends;

/// <summary>
/// A host that sends through <see cref="Smtp"/> (a real SMTP server started with it) with the fixture
/// plugins, whose Alpha registers the campaign template <see cref="Template"/> the send tests use; on a
/// fresh database of one provider. Sends queue as fast as the tests need (<c>Messaging:MessagesPerMinute</c>).
/// </summary>
public abstract class SendsHostFixture : HostFixture, IAsyncLifetime, IDisposable
{
    /// <summary>Alpha's campaign template: "News for {{ recipient.name }}", in English and Gujarati.</summary>
    public const string Template = "fixture-alpha.newsletter";

    /// <summary>The address the test pages are reached at, which the unsubscribe links start with.</summary>
    public const string PublicAddress = "https://crm.firm.example/";

    /// <summary>Creates the fixture and starts its SMTP server.</summary>
    /// <param name="provider">The provider under test.</param>
    protected SendsHostFixture(DatabaseProvider provider)
        : this(provider, new TestSmtpServer())
    {
    }

    private SendsHostFixture(DatabaseProvider provider, TestSmtpServer smtp)
        : base(provider, CrmHostFixture.FixturePlugins.WithSettings(Settings(smtp.Port)))
    {
        Smtp = smtp;
        smtp.Start();
    }

    /// <summary>The SMTP server the host sends through.</summary>
    public TestSmtpServer Smtp { get; }

    /// <summary>The host's settings for an SMTP server on a port.</summary>
    /// <param name="smtpPort">The port.</param>
    public static Dictionary<string, string?> Settings(int smtpPort) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = MailHostFixture.From,
        ["Crm:PublicUrl"] = PublicAddress,
        ["Messaging:MessagesPerMinute"] = "100000",
        ["Plugins:fixture-alpha:Greeting"] = CrmHostFixture.AlphaGreeting,
    };

    /// <summary>
    /// Copies the build's Alpha into a plugins folder of its own and returns the folder, for a host process
    /// that must start healthy (the fixture folder holds plugins that fail on purpose). Only for processes:
    /// two hosts in one process loading Alpha from two folders do not both load it.
    /// </summary>
    public static string AlphaOnly()
    {
        var folder = Directory.CreateTempSubdirectory("crm-alpha-only-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, CrmHostFixture.PluginsPath, "CrmBlazor.Fixtures.Alpha");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, "CrmBlazor.Fixtures.Alpha", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    public void Dispose()
    {
        Smtp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The sends host on SQLite.</summary>
public sealed class SqliteSendsHostFixture() : SendsHostFixture(DatabaseProvider.Sqlite);

/// <summary>The sends host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresSendsHostFixture() : SendsHostFixture(DatabaseProvider.Postgres);

/// <summary>The send tests on SQLite.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteSendsHost : ICollectionFixture<SqliteSendsHostFixture>
{
    public const string Name = "Sends: SQLite host";
}

/// <summary>The send tests on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresSendsHost : ICollectionFixture<PostgresSendsHostFixture>
{
    public const string Name = "Sends: PostgreSQL host";
}
