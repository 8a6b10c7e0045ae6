using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrmBlazor.Host.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// The first answer to a create sent with an <c>Idempotency-Key</c> (<c>crm_api_idempotency</c>), kept
/// <see cref="ApiIdempotency.Lifetime"/> so that a client's retry gets the same answer and creates nothing.
/// Unique per token user and key: of two requests with one key at once, the database lets one in.
/// </summary>
public sealed class ApiIdempotencyRecord
{
    /// <summary>The longest key accepted.</summary>
    public const int KeyLength = 200;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The user the token acts as.</summary>
    public required string UserId { get; set; }

    /// <summary>The client's key.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, the address and the request's values (hexadecimal): the same key with other values is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The status answered, or null while the first request is still being carried out.</summary>
    public int? Status { get; set; }

    /// <summary>The body answered (JSON).</summary>
    public string? Body { get; set; }

    /// <summary>The content type answered.</summary>
    public string? ContentType { get; set; }

    /// <summary>The <c>Location</c> answered, if any.</summary>
    public string? Location { get; set; }

    /// <summary>The <c>ETag</c> answered, if any.</summary>
    public string? ETag { get; set; }

    /// <summary>When the first request came.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// <c>Idempotency-Key</c> on the API's creates (an endpoint filter): the first request with a key is
/// carried out and its answer kept; a retry with the same key and the same values gets that answer again
/// (status, body, <c>Location</c>, <c>ETag</c>) and creates nothing; the same key with other values is 422;
/// a retry while the first is still running is 409. Keys are the token user's own and expire after
/// <see cref="Lifetime"/> (swept on insert). An answer of 500 or more is not kept, so the retry runs again.
/// </summary>
public static class ApiIdempotency
{
    /// <summary>The request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>How long a key and its answer are kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly Problem KeyNotValid = new Problem("The Idempotency-Key must be 1 to {0} visible ASCII characters.", ApiIdempotencyRecord.KeyLength);
    private static readonly Problem KeyReused = new Problem("This Idempotency-Key was used for a different request. Use a new key for new values.");
    private static readonly Problem StillRunning = new Problem("The first request with this Idempotency-Key is still being carried out. Try again shortly.");

    /// <summary>Makes a create endpoint honour <see cref="Header"/>.</summary>
    /// <param name="builder">The endpoint.</param>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(FilterAsync)
            .WithMetadata(new IdempotentEndpoint())
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var header = context.Request.Headers[Header];
        if (header.Count == 0)
        {
            return await next(invocation);
        }

        var services = context.RequestServices;
        var api = services.GetRequiredService<ApiChanges>();
        var problems = services.GetRequiredService<ApiProblems>();
        var key = header.ToString();
        if (header.Count != 1 || key.Length is 0 or > ApiIdempotencyRecord.KeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return api.BadValue(Header, KeyNotValid);
        }

        var userId = services.GetRequiredService<Identity.CurrentUser>().UserId!;
        var hash = RequestHash(context, invocation.Arguments, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var record = new ApiIdempotencyRecord { UserId = userId, Key = key, RequestHash = hash, CreatedAt = now };

        await using (var db = await contexts.CreateDbContextAsync(context.RequestAborted))
        {
            var expired = now - Lifetime;
            await db.ApiIdempotency.Where(r => r.CreatedAt < expired).ExecuteDeleteAsync(context.RequestAborted);
            db.ApiIdempotency.Add(record);
            try
            {
                await db.SaveChangesAsync(context.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // The key is taken (the unique index): answer from the first request.
                db.ChangeTracker.Clear();
                var first = await db.ApiIdempotency.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.RequestAborted);
                if (first is null)
                {
                    throw;
                }

                if (first.RequestHash != hash)
                {
                    return problems.Result(StatusCodes.Status422UnprocessableEntity, KeyReused.Text);
                }

                if (first.Status is not { } status)
                {
                    return problems.Result(StatusCodes.Status409Conflict, StillRunning.Text);
                }

                return new Replay(first, status);
            }
        }

        // Carry the request out with the answer written to a buffer, keep it, then send it.
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        int answered;
        try
        {
            var result = await next(invocation);
            if (result is IResult executable)
            {
                await executable.ExecuteAsync(context);
            }
            else if (result is not null)
            {
                await TypedResults.Ok(result).ExecuteAsync(context);
            }

            answered = response.StatusCode;
        }
        catch
        {
            response.Body = original;
            await ForgetAsync(contexts, record.Id);
            throw;
        }
        finally
        {
            response.Body = original;
        }

        if (answered >= 500)
        {
            await ForgetAsync(contexts, record.Id);
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await db.ApiIdempotency.Where(r => r.Id == record.Id).ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Status, answered)
                    .SetProperty(r => r.Body, Encoding.UTF8.GetString(buffer.ToArray()))
                    .SetProperty(r => r.ContentType, response.ContentType)
                    .SetProperty(r => r.Location, response.Headers.Location.ToString())
                    .SetProperty(r => r.ETag, response.Headers.ETag.ToString()),
                CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
        return Results.Empty;
    }

    private static async Task ForgetAsync(IDbContextFactory<CrmDbContext> contexts, long id)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.ApiIdempotency.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The hash of what the request asks: its method, address and bound values (the body as the endpoint read it).</summary>
    private static string RequestHash(HttpContext context, IList<object?> arguments, JsonSerializerOptions options)
    {
        var values = arguments.Where(a => a is string or long or int || a?.GetType().Name.EndsWith("Input", StringComparison.Ordinal) == true);
        var text = context.Request.Method + " " + context.Request.Path + "\n" + JsonSerializer.Serialize(values.ToList(), options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The kept answer of the first request.</summary>
    private sealed class Replay(ApiIdempotencyRecord first, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            if (!string.IsNullOrEmpty(first.Location))
            {
                response.Headers.Location = first.Location;
            }

            if (!string.IsNullOrEmpty(first.ETag))
            {
                response.Headers.ETag = first.ETag;
            }

            response.Headers["Idempotent-Replayed"] = "true";
            if (first.Body is { Length: > 0 } body)
            {
                response.ContentType = first.ContentType ?? "application/json";
                await response.WriteAsync(body, httpContext.RequestAborted);
            }
        }
    }

    /// <summary>Marks an endpoint that honours <see cref="Header"/>.</summary>
    public sealed class IdempotentEndpoint;
}
