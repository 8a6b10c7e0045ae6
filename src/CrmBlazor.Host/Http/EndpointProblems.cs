using Microsoft.AspNetCore.Routing;

namespace CrmBlazor.Host.Http;

/// <summary>
/// The HTTP endpoints that are not pages (customer exports, the personal-data JSON, the culture switch,
/// every plugin's endpoints) answer an error with a short RFC 9457 problem-details body
/// (<c>application/problem+json</c>) in every environment: never a stack trace, never the HTML
/// "Page not found" that <c>UseStatusCodePagesWithReExecute</c> gives pages.
/// </summary>
/// <remarks>
/// Two pieces, so that no error of such an endpoint leaves without a problem body:
/// <list type="bullet">
/// <item>a value the framework cannot bind (<c>?id=abc</c> for a <c>long</c>) is answered with 400, not
/// thrown: <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is off in Development too (on, Development
/// shows the exception page);</item>
/// <item>an error status without a body (a bad binding, <c>Results.NotFound()</c>, a 401 or 403 of the
/// authorization middleware) gets a problem body before the status code pages see it
/// (<see cref="UseEndpointProblems"/>).</item>
/// </list>
/// Endpoints write a problem with a clear message themselves where they read a value by hand:
/// <c>AddressQuery.Refusal()</c> for query values, <c>TypedResults.Problem(...)</c> otherwise.
/// </remarks>
internal static class EndpointProblems
{
    /// <summary>Problem details, and binding failures answered instead of thrown.</summary>
    /// <param name="services">The host's services.</param>
    public static IServiceCollection AddEndpointProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        return services;
    }

    /// <summary>Marks the endpoints of a group (not pages) as answering errors with problem details.</summary>
    /// <typeparam name="TBuilder">The builder.</typeparam>
    /// <param name="builder">A route group or endpoint.</param>
    public static TBuilder AnswersWithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ProblemEndpoint.Instance);

    /// <summary>
    /// Gives an error status of a marked endpoint that has no body a problem-details body. Runs inside
    /// <c>UseStatusCodePagesWithReExecute</c>, which leaves a response with a body alone.
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseEndpointProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType)
            && IsProblemEndpoint(context))
        {
            await TypedResults.Problem(statusCode: response.StatusCode).ExecuteAsync(context);
        }
    });

    private static bool IsProblemEndpoint(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ProblemEndpoint>() is not null;

    private sealed class ProblemEndpoint
    {
        public static readonly ProblemEndpoint Instance = new();
    }
}
