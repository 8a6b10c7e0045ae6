namespace CrmBlazor.Host.Security;

/// <summary>
/// Every response that does not set its own caching gets <c>Cache-Control: no-store</c>: pages, the
/// personal-data JSON, exports, PDFs, archives and every plugin endpoint show personal data, and a
/// shared computer's browser cache or a proxy must not keep a copy. Static files set their own caching
/// and keep it (fingerprinted framework and MudBlazor files for a year, others revalidated).
/// </summary>
internal static class NoStoreCaching
{
    /// <summary>Adds <c>Cache-Control: no-store</c> to responses without a <c>Cache-Control</c>.</summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseNoStoreCaching(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
