using System.Text;
using CrmBlazor.Sdk.Security;

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
/// address and per e-mail address, in fixed windows of <see cref="Window"/>: <see cref="PerClientSetting"/>
/// (20) from one client address, and <see cref="PerAddressSetting"/> (5) for one e-mail address, for each
/// step. The pages answer a refused attempt with 429 and a message. The counts are the shared ones of
/// <see cref="IRateLimits"/> (rows of <c>crm_rate_limits</c>), so every instance on the database counts
/// together: more instances do not give an attacker more attempts.
/// </summary>
/// <remarks>
/// A refused attempt counts too, so hammering does not reopen the window. Why not the rate-limiting
/// middleware: the e-mail address is in the posted form, which a middleware partition cannot read (it is
/// chosen before the body is read), and its counters live in one process.
/// </remarks>
internal sealed class PasswordResetRateLimits(IRateLimits limits, IConfiguration configuration)
{
    /// <summary>The setting of how many attempts of each step one client address may make per window.</summary>
    public const string PerClientSetting = "Crm:Users:PasswordResetLimitPerClient";

    /// <summary>The setting of how many attempts of each step may concern one e-mail address per window.</summary>
    public const string PerAddressSetting = "Crm:Users:PasswordResetLimitPerAddress";

    /// <summary>The window the limits count in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private int PerClient => Math.Max(1, configuration.GetValue(PerClientSetting, 20));

    private int PerAddress => Math.Max(1, configuration.GetValue(PerAddressSetting, 5));

    /// <summary>Counts an attempt; refused (with how long until the window ends) when it is one too many.</summary>
    /// <param name="step">What is attempted.</param>
    /// <param name="client">The client address (or null when unknown: all such clients share one count).</param>
    /// <param name="email">The e-mail address it concerns, as typed.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(PasswordResetStep step, string? client, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var byClient = await limits.HitAsync($"{step} client {client}", PerClient, Window, cancellationToken);
        var byAddress = await limits.HitAsync($"{step} address {KeyOf(email)}", PerAddress, Window, cancellationToken);
        var refused = byClient ?? byAddress;
        return (refused is null, refused ?? TimeSpan.Zero);
    }

    // As Identity's default normalizer compares addresses: one count however the address is written.
    private static string KeyOf(string email) => email.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
}
