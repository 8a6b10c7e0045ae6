using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// The API's errors: RFC 9457 problem details (<c>application/problem+json</c>) whose title and detail come
/// from the resources the UI uses, in the caller's language (the user's chosen language, or <c>Accept-Language</c>).
/// </summary>
public sealed class ApiProblems(IStringLocalizer<SharedResource> L)
{
    /// <summary>The problem's title for a status.</summary>
    /// <param name="status">The HTTP status.</param>
    public string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => L["The request is not valid."],
        StatusCodes.Status401Unauthorized => L["The API token is missing, not valid, revoked or expired."],
        StatusCodes.Status403Forbidden => L["The API token or its user does not have the permission for this."],
        StatusCodes.Status404NotFound => L["There is no such record, or you may not see it."],
        StatusCodes.Status409Conflict => L["Someone else changed this record meanwhile. Nothing was saved."],
        StatusCodes.Status412PreconditionFailed => L["The record is not in the version the request expects. Nothing was saved."],
        StatusCodes.Status422UnprocessableEntity => L["Some values are not valid. Nothing was saved."],
        StatusCodes.Status429TooManyRequests => L["Too many requests with this API token."],
        _ => L["The request could not be carried out."],
    };

    /// <summary>A problem result for a status, with an optional detail (translated here).</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="detail">The English detail (a resource key), or null.</param>
    /// <param name="arguments">The detail's arguments.</param>
    public IResult Result(int status, string? detail = null, params object[] arguments) =>
        TypedResults.Problem(detail is null ? null : L[detail, arguments].Value, statusCode: status, title: Title(status));

    /// <summary>Writes a problem for a status to a response.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="detail">The English detail (a resource key), or null.</param>
    /// <param name="arguments">The detail's arguments.</param>
    public Task WriteAsync(HttpContext context, int status, string? detail = null, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return Result(status, detail, arguments).ExecuteAsync(context);
    }
}
