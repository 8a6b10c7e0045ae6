using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CrmBlazor.Host.Security;

/// <summary>
/// HTTPS outside Development: plain HTTP is redirected to HTTPS (308), and every HTTPS response
/// carries <c>Strict-Transport-Security: max-age=31536000; includeSubDomains</c> (a year, as ASVS 5.0
/// 3.4.1 asks). <c>dotnet run</c> (Development, <c>http://localhost:5080</c>) does neither.
/// </summary>
/// <remarks>
/// <para>
/// <b>includeSubDomains</b>: ASVS 5.0 asks for it from level 2, and it closes the door to a sub-domain
/// served over plain HTTP setting cookies for the CRM's host name. It applies to the CRM's own host
/// name and the names below it (<c>*.crm.example.com</c>), never to the parent domain; the CRM is served
/// at the root of a host name of its own anyway (decision 0004). <c>preload</c> is not sent: it commits
/// the whole registrable domain, which is the operator's decision, not the product's.
/// </para>
/// <para>
/// <b>Where to redirect</b>: the redirection needs the HTTPS port, taken from an <c>https://</c> address
/// the host listens on or from <c>ASPNETCORE_HTTPS_PORT</c>; without either, ASP.NET Core skips the
/// redirection with only a warning at the first request. The host therefore says at start which case
/// applies (a warning when plain HTTP will be served). Behind a proxy that terminates TLS, the proxy
/// redirects and <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> lets the host see that the request came
/// over HTTPS (so it is not redirected again, and HSTS is sent). <c>/healthz</c> is never redirected:
/// load balancers probe it over plain HTTP, and it holds no personal data.
/// </para>
/// </remarks>
internal static class HttpsTransport
{
    /// <summary>The HSTS lifetime: a year.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>HSTS and HTTPS redirection options.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddHttpsTransport(this IServiceCollection services)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        // Permanent, keeping the method: the browser remembers it, as it remembers HSTS.
        services.AddHttpsRedirection(options => options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);
        return services;
    }

    /// <summary>Outside Development: HSTS, and the redirection of plain HTTP (except <c>/healthz</c>).</summary>
    /// <param name="app">The application.</param>
    public static WebApplication UseHttpsTransport(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseHsts();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/healthz"), branch => branch.UseHttpsRedirection());
        app.Lifetime.ApplicationStarted.Register(() => ReportRedirection(app));
        return app;
    }

    private static void ReportRedirection(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CrmBlazor.Startup");
        var configuration = app.Configuration;
        var port = configuration["HTTPS_PORT"] ?? configuration["ANCM_HTTPS_PORT"] ?? configuration["HTTPS_PORTS"]?.Split(';')[0];
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var behindProxy = configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED");
        if (port is not null || addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            logger.LogInformation("Plain HTTP requests are redirected to HTTPS (port {Port}); HTTPS responses carry HSTS for a year.", port ?? "of the https:// address");
        }
        else if (behindProxy)
        {
            logger.LogInformation(
                "Behind a proxy (ASPNETCORE_FORWARDEDHEADERS_ENABLED): requests the proxy received over HTTPS are served with HSTS; the proxy redirects plain HTTP (or set ASPNETCORE_HTTPS_PORT to the port it serves HTTPS on).");
        }
        else
        {
            logger.LogWarning(
                "Plain HTTP requests are not redirected to HTTPS: the host listens on no https:// address and ASPNETCORE_HTTPS_PORT is not set. " +
                "Listen on an https:// address, set ASPNETCORE_HTTPS_PORT, or, behind a proxy that terminates TLS, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.");
        }
    }
}
