namespace CrmBlazor.Sdk.Components;

/// <summary>
/// Reads again what a page shows, at an interval, while work the page waits for goes on elsewhere (a run, a
/// send, a message's delivery), and stops when the work is over or the page closes. One polling loop at a
/// time: starting it while it runs does nothing. Dispose it with the component.
/// </summary>
/// <example>
/// <code>
/// private readonly PagePolling _polling = new(TimeSpan.FromSeconds(1));
///
/// _polling.Start(() => _run is { Running: true }, ct => InvokeAsync(async () =>
/// {
///     _run = await Runs.GetAsync(Id, ct);
///     StateHasChanged();
/// }));
///
/// public ValueTask DisposeAsync() => _polling.DisposeAsync();
/// </code>
/// </example>
/// <param name="interval">The time between two readings.</param>
public sealed class PagePolling(TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private Task? _loop;

    /// <summary>Whether a polling loop is under way.</summary>
    public bool IsPolling => _loop is { IsCompleted: false };

    /// <summary>
    /// Calls <paramref name="read"/> every interval while <paramref name="waiting"/> holds, for at most
    /// <paramref name="limit"/> when given; nothing when it does not hold now, when a loop is already under
    /// way or when the page has closed. <paramref name="read"/> updates the component through its
    /// <c>InvokeAsync</c>; the token it gets is cancelled when the page closes.
    /// </summary>
    /// <param name="waiting">Whether the page still waits for something (read before each reading).</param>
    /// <param name="read">Reads again and renders.</param>
    /// <param name="limit">How long to poll at most, or null for as long as <paramref name="waiting"/> holds.</param>
    public void Start(Func<bool> waiting, Func<CancellationToken, Task> read, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(read);
        if (IsPolling || _closing.IsCancellationRequested || !waiting())
        {
            return;
        }

        _loop = PollAsync(waiting, read, limit, _closing.Token);
    }

    /// <summary>Stops polling and waits for a reading under way to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        await _closing.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // The page closed during a reading.
            }
        }

        _closing.Dispose();
    }

    private async Task PollAsync(Func<bool> waiting, Func<CancellationToken, Task> read, TimeSpan? limit, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        var until = limit is { } most ? DateTimeOffset.UtcNow + most : DateTimeOffset.MaxValue;
        while (waiting() && DateTimeOffset.UtcNow < until && await timer.WaitForNextTickAsync(cancellationToken))
        {
            await read(cancellationToken);
        }
    }
}
