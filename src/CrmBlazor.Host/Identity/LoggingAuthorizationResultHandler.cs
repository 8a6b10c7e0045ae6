using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CrmBlazor.Host.Identity;

/// <summary>Writes every request refused to a signed-in user to the security log.</summary>
internal sealed class LoggingAuthorizationResultHandler(SecurityLog securityLog) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            await securityLog.WriteAsync(SecurityLog.AccessDenied, context.User.Identity?.Name,
                context.Connection.RemoteIpAddress?.ToString(), context.Request.Method + " " + context.Request.Path);
            if (context.GetEndpoint()?.Metadata.GetMetadata<RefusedWithStatusCode>() is { } refusal)
            {
                await TypedResults.Problem(refusal.Message, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
