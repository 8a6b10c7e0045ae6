using Microsoft.AspNetCore.Diagnostics;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>
/// <c>POST /unsubscribe/{token}</c> (anonymous, no antiforgery token): the one-click unsubscribe of
/// RFC 8058, which a mail client posts with the body <c>List-Unsubscribe=One-Click</c> and which must
/// work without a page, a cookie or a CSRF token; answered 200. The confirmation form of the
/// unsubscribe page posts here too and is sent back to the page, which then says the person is
/// unsubscribed. A forged request would need the link's secret token, so no CSRF token protects anything.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static IEndpointConventionBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(SendMessageWriter.UnsubscribePath + "{token}", async (HttpContext context, string token, Unsubscribing unsubscribing) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var oneClick = form is not null && string.Equals(form["List-Unsubscribe"].ToString(), "One-Click", StringComparison.Ordinal);
            if (!await unsubscribing.OptOutAsync(token, CancellationToken.None))
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                return Results.Text("This unsubscribe link does not exist.", statusCode: StatusCodes.Status400BadRequest);
            }

            return oneClick
                ? Results.Text("Unsubscribed.")
                : Results.Redirect(SendMessageWriter.UnsubscribePath + Uri.EscapeDataString(token), permanent: false, preserveMethod: false);
        })
        .AllowAnonymous()
        .DisableAntiforgery()
        // Before the page's own endpoint at the same address, which takes form posts of its own.
        .WithOrder(-1);
}
