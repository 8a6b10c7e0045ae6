using Microsoft.Extensions.Logging;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>A logger that keeps what it is told, to assert on what an operator would read.</summary>
internal sealed class RecordingLogger : ILogger, ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IEnumerable<string> Warnings => Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception), exception));
        }
    }

    /// <summary>As a provider, every category writes here.</summary>
    ILogger ILoggerProvider.CreateLogger(string categoryName) => this;

    void IDisposable.Dispose()
    {
    }
}
