using CrmBlazor.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// The real host (<c>Program</c>) in memory, on a <see cref="TestDatabase"/>, loading the plugins of
/// a folder next to the test assembly. Several factories may run on the same database one after the
/// other (a restart) or side by side (two instances). Hangfire keeps its storage, job activator and
/// log provider in process-wide statics, which each host sets while it starts: start hosts one at a
/// time (see <see cref="HangfireStatics"/> for what happens when one of several stops).
/// </summary>
/// <remarks>
/// Settings are passed with <c>UseSetting</c>, which <see cref="WebApplicationFactory{TEntryPoint}"/>
/// hands to <c>Program</c> as command-line arguments: <c>Program</c> reads the database and plugin
/// settings before it builds the application, when later configuration sources would be too late.
/// </remarks>
public class CrmHostFactory : WebApplicationFactory<Program>
{
    /// <summary>The administrator created on an empty database.</summary>
    public static readonly TestUser Administrator = new("admin@crm.test", "admin-passphrase-for-tests", Sdk.Authorization.CrmRoles.Admin);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    /// <summary>Creates a host factory; the host starts on first use (<see cref="WebApplicationFactory{TEntryPoint}.Server"/>, a client...).</summary>
    /// <param name="database">The database.</param>
    /// <param name="pluginsPath">The plugins folder, relative to the test assembly's folder or absolute.</param>
    /// <param name="settings">More configuration, overriding the defaults (<c>Plugins:&lt;id&gt;:...</c>, <c>Jobs:...</c>).</param>
    /// <param name="testServices">
    /// Changes to the host's services after the host and its plugins registered theirs (test doubles that
    /// observe, such as <see cref="PasswordVerifications"/>, or a decorator that fails a call on purpose), or null.
    /// </param>
    public CrmHostFactory(TestDatabase database, string pluginsPath, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        _testServices = testServices;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Plugins:Path"] = pluginsPath,
            ["Crm:Admin:Email"] = Administrator.Email,
            ["Crm:Admin:Password"] = Administrator.Password,
            // Jobs and scheduled work are picked up within a second, so tests that wait for them stay short.
            ["Jobs:PollIntervalSeconds"] = "1",
            ["Jobs:WorkerCount"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CrmBlazor.Security"] = "Error",
        };
        foreach (var (key, value) in database.HostSettings)
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The database the host runs on.</summary>
    public TestDatabase Database { get; }

    /// <summary>
    /// The environment the host runs in: <c>Development</c> unless set (<c>Production</c> for what only
    /// happens there: HSTS, the HTTPS redirection, the error page).
    /// </summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>What the host logs (at the levels its settings let through: warnings and errors by default).</summary>
    public HostLog Log { get; } = new();

    /// <summary>Starts the host now (it would otherwise start on first use) and returns it.</summary>
    public CrmHostFactory Start()
    {
        _ = Server;
        return this;
    }

    /// <summary>
    /// A client that behaves like a browser on <c>https://localhost</c>: it keeps cookies (the
    /// authentication cookie is Secure) and does not follow redirects, so tests can see them.
    /// </summary>
    /// <param name="baseAddress">Where the browser believes the CRM is: <c>https://localhost</c> unless given (HSTS is never sent to localhost).</param>
    public HttpClient CreateBrowserClient(Uri? baseAddress = null) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = baseAddress ?? new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Runs code in a service scope of the host, as a request or a job would.</summary>
    /// <param name="action">The code.</param>
    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Runs code in a service scope of the host and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="action">The code.</param>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        HangfireStatics.Stopping(this);
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        HangfireStatics.Started(this);
        return host;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));

        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }
}
