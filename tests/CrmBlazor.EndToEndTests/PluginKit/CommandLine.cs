using System.Diagnostics;
using System.Text;

namespace CrmBlazor.EndToEndTests.PluginKit;

/// <summary>Runs the commands a plugin author types, in a folder, and fails with their output when one fails.</summary>
/// <param name="environment">Variables set for every command (over the test's own environment).</param>
internal sealed class CommandLine(IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs a command to its end and returns its output; throws with the output when it exits with an error.</summary>
    public async Task<string> RunAsync(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runner's MSBuild settings must not reach the author's builds (they would point them at
        // this repository's SDK resolver and build nodes).
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var started = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', arguments)}` in {directory} took longer than {Timeout.TotalMinutes} minutes:{Environment.NewLine}{output}");
        }

        var text = output.ToString();
        Log.Add($"{started.Elapsed.TotalSeconds,6:0.0} s  {fileName} {string.Join(' ', arguments)}");
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` in {directory} exited with {process.ExitCode}:{Environment.NewLine}{text}");
    }

    /// <summary>Each command with the time it took, for the test's output.</summary>
    public List<string> Log { get; } = [];

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
