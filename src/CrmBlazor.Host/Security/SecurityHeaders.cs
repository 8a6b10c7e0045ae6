using CrmBlazor.Sdk.Security;

namespace CrmBlazor.Host.Security;

/// <summary>
/// Adds the security headers to every response: a Content-Security-Policy without inline scripts,
/// plugins or base-URI changes, no framing, no MIME sniffing, no referrer leaks.
/// </summary>
/// <remarks>
/// The Hangfire dashboard (<c>/jobs</c>) gets the same policy: Hangfire 1.8 loads its scripts from
/// files and uses no inline script or event handler (checked in Chromium, see the end-to-end test
/// <c>JobsDashboardTests</c>).
/// One exception to "no framing": a PDF may be framed by the CRM's own pages (frame-ancestors 'self'),
/// so that a page can show a document inline (the invoice preview). Pages themselves stay unframeable,
/// except an endpoint marked <see cref="AllowSameOriginFramingAttribute"/> (a survey's preview as a
/// respondent sees it): the same policy, framed by the same origin only.
/// </remarks>
internal static class SecurityHeaders
{
    // MudBlazor sets inline style attributes and a theme <style> element, hence 'unsafe-inline' for
    // styles only. Scripts come from the host alone. 'self' covers the circuit's WebSocket.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

    private const string ContentSecurityPolicy = PagePolicy + "frame-ancestors 'none'";

    // A page a CRM page shows inline (AllowSameOriginFramingAttribute): the page's policy, framed by the same origin only.
    private const string FramedPagePolicy = PagePolicy + "frame-ancestors 'self'";

    // A PDF shown inside a page of the CRM: framed by the same origin only. Nothing else is restricted,
    // because the browser's PDF viewer is itself embedded in the response's document (Chromium shows
    // nothing under object-src 'none').
    private const string FramedDocumentPolicy = "frame-ancestors 'self'";

    /// <summary>Whether a response may be framed by the CRM's own pages: PDF documents only.</summary>
    /// <param name="contentType">The response's content type.</param>
    internal static bool IsFramedDocument(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var document = IsFramedDocument(context.Response.ContentType);
            var framed = document || context.GetEndpoint()?.Metadata.GetMetadata<AllowSameOriginFramingAttribute>() is not null;
            headers.ContentSecurityPolicy = document ? FramedDocumentPolicy : framed ? FramedPagePolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = framed ? "SAMEORIGIN" : "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
