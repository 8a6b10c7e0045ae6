namespace CrmBlazor.Host.Security;

/// <summary>
/// Adds the security headers to every response: a Content-Security-Policy without inline scripts,
/// plugins or base-URI changes, no framing, no MIME sniffing, no referrer leaks.
/// </summary>
internal static class SecurityHeaders
{
    // MudBlazor sets inline style attributes and a theme <style> element, hence 'unsafe-inline' for
    // styles only. Scripts come from the host alone. 'self' covers the circuit's WebSocket.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // The Hangfire dashboard uses inline scripts; it is admin-only and gets a policy of its own.
    private const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/jobs") ? JobsDashboardPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
