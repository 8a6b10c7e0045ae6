using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// What the API's endpoints share besides problems: the outcome of a service's change as an answer
/// (field messages translated as the UI shows them), versions as <c>ETag</c>s and <c>If-Match</c>, and
/// opaque cursors for lists.
/// </summary>
public sealed class ApiChanges(IStringLocalizer<SharedResource> L, ApiProblems problems, IDataProtectionProvider protection)
{
    /// <summary>The largest page a list serves.</summary>
    public const int MaximumLimit = 200;

    /// <summary>The page size of a list when the request names none.</summary>
    public const int DefaultLimit = 50;

    private static readonly Problem IfMatchRequired = new Problem("Send the record's ETag in If-Match: a change must name the version it was made on.");

    private static readonly Problem IfMatchNotValid = new Problem("If-Match must be one ETag the API gave, in quotes.");

    private readonly IDataProtector _cursors = protection.CreateProtector("CrmBlazor.Api.Cursor.v1");

    /// <summary>
    /// A refused change as a problem: invalid input is 422 with each field's messages (in the caller's
    /// language) under <c>errors</c>; a record the user may not change is 403, one that does not exist 404;
    /// a version conflict is 412 (the change named the version it expected with <c>If-Match</c>).
    /// </summary>
    /// <param name="result">The service's result (not saved).</param>
    public IResult Refusal(ChangeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ChangeStatus.Invalid => Invalid(result.Errors),
            ChangeStatus.Forbidden => problems.Result(StatusCodes.Status403Forbidden),
            ChangeStatus.NotFound => problems.Result(StatusCodes.Status404NotFound),
            ChangeStatus.Conflict => problems.Result(StatusCodes.Status412PreconditionFailed, result.Messages.FirstOrDefault()?.Text),
            _ => problems.Result(StatusCodes.Status500InternalServerError),
        };
    }

    /// <summary>A 422 problem with messages per field, translated.</summary>
    /// <param name="errors">The messages per field (the input's property names; "" for the whole record).</param>
    public IResult Invalid(IReadOnlyDictionary<string, Problem[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var translated = errors.ToDictionary(e => ToCamelCase(e.Key), e => e.Value.Select(L.Show).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(translated)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = problems.Title(StatusCodes.Status422UnprocessableEntity),
        });
    }

    /// <summary>A 400 problem naming one query or header value that is not valid.</summary>
    /// <param name="name">The value's name.</param>
    /// <param name="message">The message, translated here.</param>
    public IResult BadValue(string name, Problem message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [L.Show(message)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = problems.Title(StatusCodes.Status400BadRequest),
        });

    /// <summary>The strong <c>ETag</c> of a record's version.</summary>
    /// <param name="rowVersion">The version.</param>
    public static string ETag(Guid rowVersion) => "\"" + rowVersion.ToString("N") + "\"";

    /// <summary>
    /// The version an update names in <c>If-Match</c>: 428 without it, 400 when it is not one of our ETags
    /// (a list or <c>*</c> is not accepted: a change must name the version it was made on).
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="version">The version named.</param>
    /// <param name="refusal">The problem when there is none.</param>
    public bool TryIfMatch(HttpContext context, out Guid version, out IResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(context);
        version = Guid.Empty;
        refusal = null;
        var header = context.Request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(header))
        {
            refusal = problems.Result(StatusCodes.Status428PreconditionRequired, IfMatchRequired.Text);
            return false;
        }

        var text = header.ToString().Trim();
        if (text.Length != 34 || text[0] != '"' || text[^1] != '"' || !Guid.TryParseExact(text[1..^1], "N", out version))
        {
            refusal = BadValue("If-Match", IfMatchNotValid);
            return false;
        }

        return true;
    }

    /// <summary>An opaque cursor for the next page after a row: its sort key and id, protected so that it cannot be forged.</summary>
    /// <param name="order">The list's order the cursor is for.</param>
    /// <param name="key">The sort key of the last row (text, or a number of ticks).</param>
    /// <param name="id">The id of the last row.</param>
    public string Cursor(string order, string key, long id) =>
        _cursors.Protect(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new CursorBody(order + ":" + key, id))));

    /// <summary>Reads a cursor that <see cref="Cursor"/> made for the same list order; false when it was changed or is for another order.</summary>
    /// <param name="text">The cursor as sent.</param>
    /// <param name="order">The order the cursor must have been made for.</param>
    /// <param name="key">The sort key.</param>
    /// <param name="id">The id.</param>
    public bool TryReadCursor(string text, string order, out string? key, out long id)
    {
        key = null;
        id = 0;
        try
        {
            var body = JsonSerializer.Deserialize<CursorBody>(_cursors.Unprotect(text));
            if (body is null || !(body.Key?.StartsWith(order + ":", StringComparison.Ordinal) ?? false))
            {
                return false;
            }

            key = body.Key[(order.Length + 1)..];
            id = body.Id;
            return true;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads <c>limit</c>: 1 to <see cref="MaximumLimit"/>, <see cref="DefaultLimit"/> when absent.</summary>
    /// <param name="limit">The value sent.</param>
    /// <param name="value">The page size.</param>
    /// <param name="refusal">The problem when it is out of range.</param>
    public bool TryLimit(int? limit, out int value, out IResult? refusal)
    {
        value = limit ?? DefaultLimit;
        refusal = null;
        if (value is < 1 or > MaximumLimit)
        {
            refusal = BadValue("limit", new Problem("The limit must be between {0} and {1}.", 1, MaximumLimit));
            return false;
        }

        return true;
    }

    /// <summary>The problem for a cursor that this API did not give for this list.</summary>
    public IResult BadCursor() => BadValue("cursor", new Problem("The cursor is not one this list gave. Start again without it."));

    private static string ToCamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record CursorBody(string? Key, long Id);
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The rows.</typeparam>
/// <param name="Items">The rows of the page.</param>
/// <param name="NextCursor">The cursor of the next page (send it as <c>cursor</c>), or null on the last page.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);
