using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Testing.Hosting;

/// <summary>An entry the host logged.</summary>
/// <param name="Category">The logger's category (<c>Microsoft.EntityFrameworkCore.Database.Command</c>).</param>
/// <param name="Level">The level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " " + Exception.GetType().Name + ": " + Exception.Message)}";
}

/// <summary>
/// What a host logs, as its tests see it (a logger provider added to the host; the host's log level
/// settings apply, so by default warnings and errors): every entry since the start, or only the
/// entries of one piece of a test's own work (<see cref="Record"/>), which background jobs of other
/// tests on a shared host cannot disturb.
/// </summary>
public sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly AsyncLocal<LogRecording?> _recording = new();

    /// <summary>Every entry logged since the host started, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The entries at <see cref="LogLevel.Error"/> and above.</summary>
    public IReadOnlyList<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    /// <summary>
    /// Starts recording what the calling code logs through the host from here on: its own calls and the
    /// tasks they start, not the host's background work. Dispose the recording to stop.
    /// </summary>
    public LogRecording Record()
    {
        var recording = new LogRecording(() => _recording.Value = null);
        _recording.Value = recording;
        return recording;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: entries stay readable after the host stopped.
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        _recording.Value?.Add(entry);
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            log.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>The entries logged by one piece of a test's work (see <see cref="HostLog.Record"/>).</summary>
public sealed class LogRecording : IDisposable
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly Action _stop;

    internal LogRecording(Action stop)
    {
        _stop = stop;
    }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The entries at <see cref="LogLevel.Error"/> and above.</summary>
    public IReadOnlyList<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    /// <inheritdoc />
    public void Dispose() => _stop();

    internal void Add(LogEntry entry) => _entries.Enqueue(entry);
}
