using System.Text.RegularExpressions;
using CrmBlazor.Data;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>What a webhook event type must look like.</summary>
internal static partial class WebhookEventRules
{
    /// <summary>
    /// A type is lower-case words with hyphens, a dot after the owner: the plugin's id for a plugin
    /// (<c>invoicing.invoice-issued</c>), a record kind for the core (<c>customer.created</c>); unique.
    /// </summary>
    public static void Check(string ownerId, string type, string title, IEnumerable<string> registered)
    {
        if (string.IsNullOrWhiteSpace(type) || !Pattern().IsMatch(type))
        {
            throw new InvalidOperationException($"Webhook event type '{type}' must be lower-case words and hyphens around a dot: '{ownerId}.<name>'.");
        }

        if (ownerId != CrmDbContextOptions.CoreOwnerId && !type.StartsWith(ownerId + ".", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Webhook event type '{type}' must be named '{ownerId}.<name>'.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new InvalidOperationException($"Webhook event type '{type}' needs a title.");
        }

        if (registered.Contains(type, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Webhook event type '{type}' is registered twice.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex Pattern();
}
