using System.Data.Common;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Surveys.Features.Answering;

/// <summary>
/// Bounds the work of the public answer page and public links on this instance: at most
/// <see cref="SurveysSettings.AnswerPageConcurrency"/> requests at once, the others queued oldest first (at
/// most <see cref="SurveysSettings.AnswerPageQueue"/>, each for at most
/// <see cref="SurveysSettings.AnswerPageQueueSeconds"/>). A request that gets no turn, or whose database
/// work failed for a passing reason (the connection pool exhausted, a timeout), gets the "busy, try again
/// in a moment" page with 503 and <c>Retry-After</c>, never a 500.
/// </summary>
/// <remarks>
/// Why: a survey sent to a large segment brings bursts of respondents. Served all at once, a thousand
/// requests each held a pooled connection while the host's two cores took turns on them, and requests
/// waiting longer than the pool's timeout for a connection failed (bench/README.md, surveys). Queued, the
/// same burst is served at the speed of the database and the processor, and the rest of the host keeps
/// connections. The limit is per instance, as the pool is; the per-address rate limit
/// (<c>IRateLimits</c>) is shared by all instances and counted only for requests that got their turn.
/// </remarks>
public sealed class AnswerPageGate : IDisposable
{
    /// <summary>What <c>Retry-After</c> says on the busy page, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permits;
    private readonly TimeSpan _wait;
    private readonly ILogger<AnswerPageGate> _logger;

    /// <summary>Creates the gate from the plugin's settings.</summary>
    /// <param name="settings">The plugin's settings.</param>
    /// <param name="logger">Where refused and failed requests are logged.</param>
    public AnswerPageGate(IOptions<SurveysSettings> settings, ILogger<AnswerPageGate> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var value = settings.Value;
        _permits = Math.Max(1, value.AnswerPageConcurrency);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _permits,
            QueueLimit = Math.Max(0, value.AnswerPageQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _wait = TimeSpan.FromSeconds(Math.Max(1, value.AnswerPageQueueSeconds));
        _logger = logger;
    }

    /// <summary>How many requests this instance serves now and how many wait for their turn (operations figures).</summary>
    public (int Serving, int Waiting) Load =>
        _limiter.GetStatistics() is { } now ? (_permits - (int)now.CurrentAvailablePermits, (int)now.CurrentQueuedCount) : (0, 0);

    /// <summary>Waits for a turn: the lease to dispose when the request is done, or null when the page is too busy.</summary>
    /// <param name="requestAborted">The request's cancellation (the client went away).</param>
    public async Task<IDisposable?> EnterAsync(CancellationToken requestAborted)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        waited.CancelAfter(_wait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, waited.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            _logger.LogWarning("A request to the answer page waited {Seconds} s for its turn and got the busy page.", _wait.TotalSeconds);
            return null;
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        _logger.LogWarning("The answer page's queue is full; a request got the busy page.");
        return null;
    }

    /// <summary>
    /// Whether a failure is one of the database's passing ones (a connection or command timeout, a pool
    /// exhausted, a database busy), which a moment later may not happen again; logged when it is.
    /// </summary>
    /// <param name="failure">What was thrown.</param>
    public bool IsPassing(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or DbException { IsTransient: true })
            {
                _logger.LogWarning(failure, "A request to the answer page failed for a passing reason and got the busy page.");
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
