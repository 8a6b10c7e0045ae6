using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CrmBlazor.PluginTesting.Hosting;

/// <summary>
/// The host as a process of its own (<c>dotnet CrmBlazor.Host.dll</c>) on a free loopback port, in the
/// Development environment, with the settings given and none of the caller's: what
/// <see cref="PluginHost"/> and the repository's own test support start. Its console output is kept
/// for failure messages.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>
    /// In a setting's value, stands for the address the host listens on (e.g. http://127.0.0.1:41234/), which is
    /// known only once its port is chosen: <c>Crm:PublicUrl</c> set to it makes mailed links lead back to this host.
    /// </summary>
    public const string AddressPlaceholder = "{host-address}";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const int OutputLinesKept = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the host listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The processor time the host's process has used so far (user and system, all threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Whether the host still runs, and the last lines it wrote to its console.</summary>
    public string RecentOutput => State() + Environment.NewLine + string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host; it is listening once <see cref="WaitUntilServingAsync"/> returns.</summary>
    /// <param name="hostAssembly">The CrmBlazor.Host.dll to run, in a folder with its dependencies.</param>
    /// <param name="settings">Configuration, passed as environment variables (':' becomes '__'), e.g. <c>Crm:DataDirectory</c>; <see cref="AddressPlaceholder"/> in a value becomes the host's address.</param>
    public static HostProcess Start(string hostAssembly, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(hostAssembly))
        {
            throw new InvalidOperationException($"The host was not found at '{hostAssembly}'.");
        }

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
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value?.Replace(AddressPlaceholder, baseAddress.ToString(), StringComparison.Ordinal) ?? string.Empty;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start '{start.FileName} {hostAssembly}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/healthz</c> answers 200.</summary>
    /// <param name="requireHealthy">Also require the answer to say "healthy" (every plugin loaded), and fail at once otherwise.</param>
    /// <exception cref="InvalidOperationException">The host exited, or is not healthy; the message holds its output.</exception>
    /// <exception cref="TimeoutException">It did not answer in time.</exception>
    public async Task WaitUntilServingAsync(bool requireHealthy)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        string? lastAnswer = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited before it served. Its output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                lastAnswer = $"{(int)response.StatusCode} {body}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var health = JsonDocument.Parse(body);
                    if (requireHealthy && health.RootElement.GetProperty("status").GetString() != "healthy")
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

    /// <summary>Kills the host and its children with SIGKILL: no shutdown, no clean-up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Stops the host and its child processes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Deletes a temporary folder, leaving it if something still holds it.</summary>
    /// <param name="directory">The folder.</param>
    public static void TryDelete(string directory)
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

    /// <summary>The dotnet executable running the tests, so the host runs on the same runtime.</summary>
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
}
