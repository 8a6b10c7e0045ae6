using System.Threading.RateLimiting;
using System.Text;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>What the forgotten-password and reset pages limit.</summary>
internal enum PasswordResetStep
{
    /// <summary>Asking for a reset on the forgotten-password page.</summary>
    Request,

    /// <summary>Choosing a new password with a link.</summary>
    Reset,
}

/// <summary>
/// Limits the forgotten-password requests and the new passwords submitted with reset links, per client
/// address and per e-mail address, with ASP.NET Core's rate limiters (fixed windows of
/// <see cref="Window"/>): <see cref="PerClientSetting"/> (20) from one client address, and
/// <see cref="PerAddressSetting"/> (5) for one e-mail address, for each step. The pages answer a refused
/// attempt with 429 and a message. The counts live in this instance's memory: behind several instances
/// with sticky sessions a client meets the limits of the instance it sticks to.
/// </summary>
/// <remarks>
/// Why not the rate-limiting middleware: the e-mail address is in the posted form, which a middleware
/// partition cannot read (it is chosen synchronously, before the body is read); the pages ask here
/// once they have the address. The limiters are the same ones the middleware uses.
/// </remarks>
internal sealed class PasswordResetRateLimits : IDisposable
{
    /// <summary>The setting of how many attempts of each step one client address may make per window.</summary>
    public const string PerClientSetting = "Crm:Users:PasswordResetLimitPerClient";

    /// <summary>The setting of how many attempts of each step may concern one e-mail address per window.</summary>
    public const string PerAddressSetting = "Crm:Users:PasswordResetLimitPerAddress";

    /// <summary>The window the limits count in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<Attempt> _limiter;
    public PasswordResetRateLimits(IConfiguration configuration)
    {
        var perClient = Math.Max(1, configuration.GetValue(PerClientSetting, 20));
        var perAddress = Math.Max(1, configuration.GetValue(PerAddressSetting, 5));
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter($"{a.Step} client {a.Client}", _ => Options(perClient))),
            PartitionedRateLimiter.Create<Attempt, string>(a => RateLimitPartition.GetFixedWindowLimiter($"{a.Step} address {a.Address}", _ => Options(perAddress))));
    }

    /// <summary>Counts an attempt; false when it is one too many.</summary>
    /// <param name="step">What is attempted.</param>
    /// <param name="client">The client address (or null when unknown: all such clients share one count).</param>
    /// <param name="email">The e-mail address it concerns, as typed.</param>
    /// <param name="retryAfter">When refused, how long until the window ends, if known.</param>
    public bool TryAcquire(PasswordResetStep step, string? client, string email, out TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var lease = _limiter.AttemptAcquire(new Attempt(step, client ?? string.Empty, KeyOf(email)));
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    // As Identity's default normalizer compares addresses: one count however the address is written.
    private static string KeyOf(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();

    private static FixedWindowRateLimiterOptions Options(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private readonly record struct Attempt(PasswordResetStep Step, string Client, string Address);
}
