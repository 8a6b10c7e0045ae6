using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmBlazor.PluginTesting.Hosting;
using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.PluginTesting;

/// <summary>
/// The real CrmBlazor host, started as a process of its own with your plugin installed: the published
/// host that the CrmBlazor.Testing package carries (the version of the SDK you build against), on a free
/// loopback port, on SQLite in a new temporary folder, in the Development environment. When it has
/// started, <c>/healthz</c> answered and a user exists for every role of <see cref="CrmRoles.All"/> and one
/// without a role (<see cref="Account"/>). Dispose it to stop the host and delete its folder.
/// </summary>
/// <example>
/// <code>
/// await using var host = await PluginHost.StartAsync(new PluginHostOptions { PluginDirectories = { PluginFolder } });
/// using var staff = await host.SignInAsync(CrmRoles.Staff);
/// var page = await staff.GetStringAsync("/acme-tickets");
/// </code>
/// </example>
public sealed partial class PluginHost : IAsyncDisposable
{
    /// <summary>The key under which the package's build file records where the published host is.</summary>
    public const string HostDirectoryMetadata = "CrmBlazor.Testing.HostDirectory";

    // The host's authentication cookie (set by the sign-in form).
    private const string AuthenticationCookie = ".CrmBlazor.Auth";

    private readonly HostProcess _process;
    private readonly Dictionary<string, TestAccount> _accounts;

    private PluginHost(HostProcess process, string directory, IEnumerable<TestAccount> accounts)
    {
        _process = process;
        Directory = directory;
        _accounts = accounts.ToDictionary(a => a.Role ?? string.Empty);
    }

    /// <summary>The address the host listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The host's temporary folder: its data (<c>data/crm.db</c>) and its plugins (<c>plugins/</c>).</summary>
    public string Directory { get; }

    /// <summary>The host's SQLite database file.</summary>
    public string DatabaseFile => Path.Combine(Directory, "data", "crm.db");

    /// <summary>Whether the host still runs and the last lines it wrote, for failure messages.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>The user created for a role, to sign in with (a browser test types these).</summary>
    /// <param name="role">One of <see cref="CrmRoles.All"/>, or null for the user without a role.</param>
    public TestAccount Account(string? role) =>
        _accounts.TryGetValue(role ?? string.Empty, out var account)
            ? account
            : throw new ArgumentException($"There is no test user for the role '{role}'; the roles are {string.Join(", ", CrmRoles.All)}.", nameof(role));

    /// <summary>Starts the host with the plugins and waits until it serves.</summary>
    /// <param name="options">The plugins, settings and host to use.</param>
    /// <exception cref="InvalidOperationException">The host was not found, exited, or reported itself unhealthy; the message holds its output.</exception>
    public static async Task<PluginHost> StartAsync(PluginHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostAssembly = Path.Combine(HostDirectoryOf(options), "CrmBlazor.Host.dll");
        var directory = System.IO.Directory.CreateTempSubdirectory("crm-plugin-host-").FullName;
        var plugins = System.IO.Directory.CreateDirectory(Path.Combine(directory, "plugins")).FullName;
        foreach (var plugin in options.PluginDirectories)
        {
            CopyFolder(plugin, Path.Combine(plugins, new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(plugin))).Name));
        }

        var accounts = CrmRoles.All.Select(role => (string?)role).Append(null)
            .Select(role => new TestAccount($"{(role ?? "no-role").ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@crm.test", "Pw-" + Guid.NewGuid().ToString("N"), role))
            .ToList();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Crm:DataDirectory"] = Path.Combine(directory, "data"),
            ["Plugins:Path"] = plugins,
            ["DOTNET_STARTUP_HOOKS"] = typeof(PluginHost).Assembly.Location,
            [TestAccountSeeder.Variable] = JsonSerializer.Serialize(accounts),
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        HostProcess process;
        try
        {
            process = HostProcess.Start(hostAssembly, settings);
        }
        catch
        {
            HostProcess.TryDelete(directory);
            throw;
        }

        var host = new PluginHost(process, directory, accounts);
        try
        {
            await process.WaitUntilServingAsync(requireHealthy: false);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>An HTTP client signed in through the host's sign-in form as the user of a role; it keeps its cookies and does not follow redirects.</summary>
    /// <param name="role">One of <see cref="CrmRoles.All"/>, or null for the user without a role.</param>
    /// <exception cref="InvalidOperationException">The host refused the sign-in.</exception>
    public async Task<HttpClient> SignInAsync(string? role)
    {
        var account = Account(role);
#pragma warning disable CA2000 // The client owns the handler.
        var client = new HttpClient(new CookieJar(), disposeHandler: true) { BaseAddress = BaseAddress };
#pragma warning restore CA2000
        try
        {
            var form = await client.GetStringAsync(new Uri("account/login", UriKind.Relative));
            var token = TokenField().Match(form);
            using var content = new FormUrlEncodedContent(
            [
                new("_handler", "signin"),
                new("__RequestVerificationToken", token.Success ? WebUtility.HtmlDecode(token.Groups["value"].Value) : string.Empty),
                new("Input.Email", account.Email),
                new("Input.Password", account.Password),
            ]);
            using var response = await client.PostAsync(new Uri("account/login", UriKind.Relative), content);
            if (response.StatusCode != HttpStatusCode.Redirect
                || !response.Headers.TryGetValues("Set-Cookie", out var cookies) || !cookies.Any(c => c.StartsWith(AuthenticationCookie + "=", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"Signing in as {account.Email} ({role ?? "no role"}) failed with {(int)response.StatusCode}.");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Stops the host and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.DisposeAsync();
        }
        finally
        {
            HostProcess.TryDelete(Directory);
        }
    }

    private static string HostDirectoryOf(PluginHostOptions options)
    {
        var directory = options.HostDirectory
            ?? Environment.GetEnvironmentVariable("CRM_TESTING_HOST")
            ?? AppDomain.CurrentDomain.GetAssemblies()
                .SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
                .FirstOrDefault(m => m.Key == HostDirectoryMetadata)?.Value;
        return directory is not null && File.Exists(Path.Combine(directory, "CrmBlazor.Host.dll"))
            ? directory
            : throw new InvalidOperationException(
                $"The published host was not found (at '{directory ?? "nowhere"}'). Reference the CrmBlazor.Testing package from the test project, or set PluginHostOptions.HostDirectory.");
    }

    private static void CopyFolder(string source, string target)
    {
        if (!System.IO.Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"The plugin folder '{source}' does not exist; build the plugin first.");
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken" """, RegexOptions.IgnoreCase)]
    private static partial Regex TokenField();
}
