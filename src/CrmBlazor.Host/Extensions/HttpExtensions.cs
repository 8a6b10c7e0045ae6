using CrmBlazor.Host.Http;

namespace CrmBlazor.Host.Extensions;

internal static class HttpExtensions
{
    /// <summary>
    /// How the host speaks HTTP: problem details for the errors of endpoints that are not pages
    /// (<see cref="EndpointProblems"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCrmHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointProblems();
        return builder;
    }
}
