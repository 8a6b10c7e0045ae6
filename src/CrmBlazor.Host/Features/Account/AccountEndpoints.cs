using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// The account's form endpoints, each checking the form's antiforgery token in an endpoint filter:
/// <list type="bullet">
/// <item><c>POST /account/logout</c>: ends the signed-in user's session (the cookie handler deletes its
/// row through <see cref="UserSessionStore"/>), writes the sign-out to the security log and goes back to
/// the sign-in page.</item>
/// <item><c>POST /account/logout-everywhere</c>: ends every session of the user, this one included (on
/// other devices the next request is refused, an open page within a minute), and signs out here.</item>
/// </list>
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountPaths.SignOut, async (HttpContext context, SignInManager<CrmUser> signIn, SecurityLog securityLog) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            await securityLog.WriteAsync(SecurityLog.SignedOut, name, context.Connection.RemoteIpAddress?.ToString(), null);
            return TypedResults.LocalRedirect(AccountPaths.SignIn);
        }).WithAntiforgeryCheck();

        endpoints.MapPost(AccountPaths.SignOutEverywhere, async (HttpContext context, SignInManager<CrmUser> signIn, UserSessions sessions, SecurityLog securityLog) =>
        {
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                var ended = await sessions.EndAllAsync(user.Id, cancellationToken: CancellationToken.None);
                await securityLog.WriteAboutUserAsync(SecurityLog.SignedOutEverywhere, user.UserName, user, $"{ended} sessions ended");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountPaths.SignIn);
        }).WithAntiforgeryCheck();
        return endpoints;
    }

    // Validated here rather than by form binding, because the endpoints bind no form field.
    private static RouteHandlerBuilder WithAntiforgeryCheck(this RouteHandlerBuilder endpoint) =>
        endpoint.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return TypedResults.Problem("The form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
}
