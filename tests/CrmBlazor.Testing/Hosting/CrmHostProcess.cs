using CrmBlazor.PluginTesting.Hosting;
using CrmBlazor.Testing.Databases;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// The real host as a process of its own (`dotnet CrmBlazor.Host.dll`) on a free loopback port, in
/// the Development environment, on SQLite in a data folder (a new empty one unless given) or on the
/// database its settings name. Its console output is kept for failure messages. Unlike an in-memory
/// <see cref="CrmHostFactory"/>, it can be killed like a process on a real machine (<see cref="KillAsync"/>).
/// </summary>
public sealed class CrmHostProcess : IAsyncDisposable
{
    private readonly HostProcess _process;
    private readonly bool _ownsDataDirectory;

    private CrmHostProcess(HostProcess process, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>
    /// In a setting's value, stands for the address the host will listen on, chosen when it starts: e.g.
    /// <c>["Crm:PublicUrl"] = AddressPlaceholder</c>, so that links the host mails lead back to it.
    /// </summary>
    public const string AddressPlaceholder = HostProcess.AddressPlaceholder;

    /// <summary>The address the host listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The host's data folder (<c>Crm:DataDirectory</c>), holding its SQLite database <c>crm.db</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The processor time the host's process has used so far, to compare work across machine loads.</summary>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <summary>Whether the host still runs, and the last lines it wrote to its console, for failure messages.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>
    /// Starts the host built next to the test assembly on a test database, as a kill test or a benchmark needs
    /// it: the plugins of a folder next to the test assembly, the test administrator, jobs polled every second, only
    /// warnings logged, and any further settings.
    /// </summary>
    /// <param name="database">The database; a SQLite database's data folder is kept when the host is disposed, for the next host.</param>
    /// <param name="pluginsFolder">The plugins' folder below the test assembly's.</param>
    /// <param name="settings">More settings, or null; they win over the defaults.</param>
    /// <param name="waitUntilHealthy">False to return as soon as the process runs, e.g. to kill it while it starts.</param>
    public static Task<CrmHostProcess> StartBesideTestsAsync(TestDatabase database, string pluginsFolder, IReadOnlyDictionary<string, string?>? settings = null, bool waitUntilHealthy = true)
    {
        ArgumentNullException.ThrowIfNull(database);
        var all = new Dictionary<string, string?>(database.HostSettings)
        {
            ["Plugins:Path"] = Path.Combine(AppContext.BaseDirectory, pluginsFolder),
            ["Crm:Admin:Email"] = CrmHostFactory.Administrator.Email,
            ["Crm:Admin:Password"] = CrmHostFactory.Administrator.Password,
            ["Jobs:PollIntervalSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return StartAsync(Path.Combine(AppContext.BaseDirectory, "CrmBlazor.Host.dll"), all, (database as SqliteTestDatabase)?.DataDirectory, waitUntilHealthy);
    }

    /// <summary>Starts the host and waits until /healthz reports it healthy with every plugin loaded.</summary>
    /// <param name="hostAssembly">The CrmBlazor.Host.dll to run, in a folder with its dependencies and runtime configuration.</param>
    /// <param name="settings">Configuration passed as environment variables (keys with ':' become '__'), over the defaults (SQLite in the data folder).</param>
    /// <param name="dataDirectory">The data folder (<c>Crm:DataDirectory</c>) of a host started before, kept when this one is disposed; null for a new empty one, deleted with the host.</param>
    /// <param name="waitUntilHealthy">False to return as soon as the process runs, e.g. to kill it while it starts.</param>
    public static async Task<CrmHostProcess> StartAsync(string hostAssembly, IReadOnlyDictionary<string, string?> settings, string? dataDirectory = null, bool waitUntilHealthy = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(hostAssembly))
        {
            throw new InvalidOperationException($"The host's build output was not found at '{hostAssembly}'. Build the test project (it builds the host first).");
        }

        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("crm-host-").FullName;
        var defaults = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Crm:DataDirectory"] = dataDirectory };
        var host = new CrmHostProcess(HostProcess.Start(hostAssembly, defaults.Concat(settings)), dataDirectory, ownsDataDirectory);
        if (!waitUntilHealthy)
        {
            return host;
        }

        try
        {
            await host._process.WaitUntilServingAsync(requireHealthy: true);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Kills the host with SIGKILL, as a power cut or the kernel's OOM killer would: no shutdown, no
    /// clean-up, work in flight lost mid-step. Its data folder stays for a host started after it.
    /// </summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Stops the host and its child processes, and deletes its data folder if it made it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.DisposeAsync();
        }
        finally
        {
            if (_ownsDataDirectory)
            {
                HostProcess.TryDelete(DataDirectory);
            }
        }
    }
}
