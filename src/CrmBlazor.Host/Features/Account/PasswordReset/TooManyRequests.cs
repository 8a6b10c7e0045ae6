using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>How a static page answers an attempt refused by <see cref="PasswordResetRateLimits"/>: 429, and the page's own message.</summary>
internal static class TooManyRequests
{
    /// <summary>Sets 429 (and <c>Retry-After</c> when known) on the page's response; the page shows why.</summary>
    /// <param name="context">The page's request.</param>
    /// <param name="retryAfter">How long until the limit's window ends, if known.</param>
    public static void Answer(HttpContext context, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        // The page says what is wrong; the host's general status page must not replace it.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
