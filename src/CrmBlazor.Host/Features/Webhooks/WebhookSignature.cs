using System.Security.Cryptography;
using System.Text;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>Standard Webhooks secrets and signatures (https://www.standardwebhooks.com).</summary>
public static class WebhookSignature
{
    /// <summary>The prefix of a secret.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header: <c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>.</summary>
    /// <param name="secret">The secret, with its <c>whsec_</c> prefix.</param>
    /// <param name="webhookId">The <c>webhook-id</c>.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> (Unix seconds).</param>
    /// <param name="body">The body as sent.</param>
    public static string Sign(string secret, string webhookId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{webhookId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
