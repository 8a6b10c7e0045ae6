using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// The real host as a process of its own (`dotnet CrmBlazor.Host.dll`) on a free loopback port, in
/// the Development environment, on SQLite in a data folder (a new empty one unless given) or on the
/// database its settings name. Its console output is kept for failure messages. Unlike an in-memory
/// <see cref="CrmHostFactory"/>, it can be killed like a process on a real machine (<see cref="KillAsync"/>).
/// </summary>
public sealed class CrmHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const int OutputLinesKept = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;

    private CrmHostProcess(Process process, Uri baseAddress, string dataDirectory, bool ownsDataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    /// <summary>The address the host listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's data folder (<c>Crm:DataDirectory</c>), holding its SQLite database <c>crm.db</c>.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Whether the host still runs, and the last lines it wrote to its console, for failure messages.</summary>
    public string RecentOutput => State() + Environment.NewLine + string.Join(Environment.NewLine, _output);

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
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");

        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostAssembly);

        // Settings a developer's or CI's environment may carry must not leak into the host under test.
        foreach (var key in start.Environment.Keys.Where(IsHostSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        // Static web assets (MudBlazor, blazor.web.js) are served from a build output only in Development.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Crm__DataDirectory"] = dataDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new CrmHostProcess(process, baseAddress, dataDirectory, ownsDataDirectory);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{start.FileName} {hostAssembly}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!waitUntilHealthy)
        {
            return host;
        }

        try
        {
            await host.WaitUntilHealthyAsync();
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
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Stops the host and its child processes, and deletes its data folder if it made it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        finally
        {
            _process.Dispose();
            if (_ownsDataDirectory)
            {
                TryDelete(_dataDirectory);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        string? lastAnswer = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited before it was healthy. Its output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    if (health.RootElement.GetProperty("status").GetString() != "healthy")
                    {
                        throw new InvalidOperationException($"The host started but is not healthy: {lastAnswer}{Environment.NewLine}Its output:{Environment.NewLine}{RecentOutput}");
                    }

                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host did not answer /healthz with 200 within {StartTimeout.TotalSeconds} s (last answer: {lastAnswer ?? "none"}). Its output:{Environment.NewLine}{RecentOutput}");
    }

    private string State()
    {
        try
        {
            return _process.HasExited ? $"[the host has exited with code {_process.ExitCode}]" : "[the host is running]";
        }
        catch (InvalidOperationException)
        {
            return "[the host has been stopped]";
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private static bool IsHostSetting(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Crm__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Plugins__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Jobs__", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet executable running these tests, so the host runs on the same runtime.</summary>
    private static string DotnetExecutable()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
