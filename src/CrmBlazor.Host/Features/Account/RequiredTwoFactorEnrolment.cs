using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// Keeps a user who must use two-factor sign-in and has not enrolled (<see cref="RequiredTwoFactor"/>)
/// on the enrolment page: a GET elsewhere (a page, a download) is sent to <see cref="AccountPaths.TwoFactor"/>,
/// anything else (a form, an API call, the circuit's negotiation) is refused with 403. Signing out
/// and anonymous endpoints (static files, the sign-in pages, the culture switch) stay open. On the
/// server, for every endpoint, so that no page, plugin endpoint or circuit can be reached around it.
/// </summary>
internal static class RequiredTwoFactorEnrolment
{
    private static readonly string[] Open = [AccountPaths.TwoFactor, AccountPaths.SignOut, AccountPaths.SignOutEverywhere];

    public static IApplicationBuilder UseRequiredTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || Open.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            || !await context.RequestServices.GetRequiredService<RequiredTwoFactor>().IsPendingAsync(context.User, context.RequestAborted))
        {
            await next();
            return;
        }

        // The API's clients are programs: they get the refusal, never a page to go to.
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && !context.Request.Path.StartsWithSegments(Api.ApiEndpoints.Root))
        {
            context.Response.Redirect(AccountPaths.TwoFactor);
            return;
        }

        await Results.Problem("Set up two-factor sign-in first: your role requires it.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    });
}
