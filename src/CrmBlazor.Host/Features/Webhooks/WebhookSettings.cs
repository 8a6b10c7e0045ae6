using System.Globalization;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>
/// Outgoing webhooks' settings: <c>Webhooks:AllowPrivateTargets</c>, <c>Webhooks:DisableAfterDays</c>,
/// <c>Webhooks:RetryDelays</c> and <c>Webhooks:ClaimSeconds</c>.
/// </summary>
/// <param name="AllowPrivateTargets">Whether URLs on loopback and private networks are allowed.</param>
/// <param name="DisableAfterDays">Days of continuous failure after which a subscription is disabled.</param>
/// <param name="RetryDelays">The waits after the first, second, … failed attempt; after the last the delivery fails.</param>
/// <param name="Claim">How long a sender's claim on a delivery lasts; a delivery claimed longer ago is sent again.</param>
public sealed record WebhookSettings(bool AllowPrivateTargets, int DisableAfterDays, IReadOnlyList<TimeSpan> RetryDelays, TimeSpan Claim)
{
    /// <summary>The time-out of one request.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default waits between attempts: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27.6 hours in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>Reads the settings; invalid values stop the host with the setting's name.</summary>
    /// <param name="configuration">The host configuration.</param>
    public static WebhookSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Webhooks");
        var days = section.GetValue("DisableAfterDays", 5);
        if (days < 1)
        {
            throw new InvalidOperationException("Webhooks:DisableAfterDays must be 1 or more.");
        }

        var delays = DefaultRetryDelays;
        if (section["RetryDelays"] is { Length: > 0 } text)
        {
            try
            {
                delays = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => TimeSpan.Parse(t, CultureInfo.InvariantCulture))];
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException("Webhooks:RetryDelays must be time spans separated by commas, e.g. 00:01:00,00:05:00.", e);
            }

            if (delays.Count == 0 || delays.Any(d => d <= TimeSpan.Zero))
            {
                throw new InvalidOperationException("Webhooks:RetryDelays must hold positive time spans.");
            }
        }

        var claim = TimeSpan.FromSeconds(section.GetValue("ClaimSeconds", 120));
        if (claim < RequestTimeout + TimeSpan.FromSeconds(5))
        {
            throw new InvalidOperationException("Webhooks:ClaimSeconds must be 15 or more, longer than a request's time-out.");
        }

        return new WebhookSettings(section.GetValue("AllowPrivateTargets", false), days, delays, claim);
    }

    /// <summary>The wait after the given failed attempt, with up to a tenth more of jitter, or null when none is left.</summary>
    /// <param name="attempts">Attempts made so far.</param>
    public TimeSpan? DelayAfter(int attempts)
    {
        if (attempts < 1 || attempts > RetryDelays.Count)
        {
            return null;
        }

        var delay = RetryDelays[attempts - 1];
        return delay + (delay / 10 * Random.Shared.NextDouble());
    }
}
