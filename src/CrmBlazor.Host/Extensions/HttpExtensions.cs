using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Http;
using CrmBlazor.Host.Security;

namespace CrmBlazor.Host.Extensions;

internal static class HttpExtensions
{
    /// <summary>
    /// How the host speaks HTTP: HTTPS with HSTS outside Development (<see cref="HttpsTransport"/>), and
    /// problem details for the errors of endpoints that are not pages (<see cref="EndpointProblems"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCrmHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpsTransport();
        builder.Services.AddEndpointProblems();
        builder.Services.AddApiDocument();
        return builder;
    }
}
