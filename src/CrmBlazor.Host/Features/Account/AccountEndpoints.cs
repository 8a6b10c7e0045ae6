using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// <c>POST /account/logout</c>: ends the signed-in user's session (the cookie handler deletes its row
/// through <see cref="UserSessionStore"/>), writes the sign-out to the security log and goes back to the
/// sign-in page. The form's antiforgery token is checked by an endpoint filter.
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
        }).DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            // Validated here rather than by form binding, because the endpoint binds no form field.
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return TypedResults.Problem("The sign-out form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
        return endpoints;
    }
}
