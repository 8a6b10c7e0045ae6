using System.Globalization;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Http;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Security;
using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// The REST API at <c>/api/v1</c>: authenticated only by personal access tokens (<see cref="ApiAuthenticationHandler"/>),
/// authorised exactly as the token's user in the UI (the services' own per-record rules) within the token's
/// scopes, rate-limited per token, and answering errors with problem details in the caller's language.
/// See docs/api.md.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Where every API address starts; requests under it never use the browser's cookie.</summary>
    public const string Root = "/api";

    /// <summary>The first version of the API.</summary>
    public const string Version1 = "/api/v1";

    /// <summary>The setting of how many requests one token may make per minute.</summary>
    public const string RequestsPerMinuteSetting = "Api:RequestsPerMinute";

    /// <summary>The default of <see cref="RequestsPerMinuteSetting"/>.</summary>
    public const int DefaultRequestsPerMinute = 120;

    /// <summary>The detail of a 429.</summary>
    private const string RetryMessage = "Try again in {0} seconds.";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Requires a user authenticated with an API token (never the cookie).</summary>
    private static readonly AuthorizationPolicy TokenUser =
        new AuthorizationPolicyBuilder(ApiAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();

    /// <summary>
    /// For requests under <see cref="Root"/> made with a token: the user's language for the answer, and the
    /// per-token limit (<see cref="RequestsPerMinuteSetting"/>), counted in the shared <see cref="IRateLimits"/>
    /// so that every instance counts together; one request too many is answered 429 with <c>Retry-After</c>.
    /// Runs after authentication and before authorization, so refused requests count too.
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseApi(this IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments(Root),
        branch => branch.Use(async (context, next) =>
        {
            if (context.User.FindFirst(ApiClaims.Token)?.Value is not { } tokenId)
            {
                await next(context);
                return;
            }

            if (context.User.FindFirst(ApiClaims.Culture)?.Value is { } name)
            {
                var culture = CultureInfo.GetCultureInfo(name);
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }

            var services = context.RequestServices;
            var limit = Math.Max(1, services.GetRequiredService<IConfiguration>().GetValue(RequestsPerMinuteSetting, DefaultRequestsPerMinute));
            if (await services.GetRequiredService<IRateLimits>().HitAsync($"api token {tokenId}", limit, Window, context.RequestAborted) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await services.GetRequiredService<ApiProblems>().WriteAsync(context, StatusCodes.Status429TooManyRequests, RetryMessage, seconds);
                return;
            }

            await next(context);
        }));

    /// <summary>Maps <c>/api/v1</c>: <c>GET /me</c>, the customers (<see cref="CustomersApi"/>), and a problem for every other address.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Version1).RequireAuthorization(TokenUser).AnswersWithProblems().DisableAntiforgery();

        api.MapGet("/me", (HttpContext context, CurrentUser user) =>
        {
            var principal = context.User;
            var scopes = principal.FindAll(ApiClaims.Scope).Select(c => c.Value).ToList();
            return TypedResults.Ok(new ApiMe(
                user.UserId!,
                user.UserName,
                principal.FindFirst(ApiClaims.TokenName)?.Value,
                long.Parse(principal.FindFirst(ApiClaims.Token)!.Value, CultureInfo.InvariantCulture),
                scopes,
                DateTimeOffset.Parse(principal.FindFirst(ApiClaims.Expires)!.Value, CultureInfo.InvariantCulture)));
        }).WithTags("Account").WithName("GetMe").WithSummary("Who the token acts as: its user, its name, its scopes and when it expires.");

        api.MapCustomersApi();
        api.MapContactsApi();
        api.MapInteractionsApi();

        endpoints.Map(Root + "/{**rest}", (ApiProblems problems) => problems.Result(StatusCodes.Status404NotFound))
            .RequireAuthorization(TokenUser).AnswersWithProblems().DisableAntiforgery();
        return api;
    }
}

/// <summary>Who a token acts as (<c>GET /api/v1/me</c>).</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="UserName">The user's name (e-mail address).</param>
/// <param name="TokenName">The token's name.</param>
/// <param name="TokenId">The token's id.</param>
/// <param name="Scopes">The token's scopes; each works while the user holds it.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record ApiMe(string UserId, string? UserName, string? TokenName, long TokenId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);
