using System.Text.Json;

namespace CrmBlazor.Testing;

/// <summary>An RFC 9457 problem-details body (<c>application/problem+json</c>) as a client reads it.</summary>
/// <param name="Status">The status it states.</param>
/// <param name="Title">Its title.</param>
/// <param name="Detail">Its detail, if any.</param>
/// <param name="Errors">Messages per parameter (a validation problem), else empty.</param>
/// <param name="Text">The body as sent.</param>
public sealed record ProblemBody(int? Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, string Text)
{
    /// <summary>The problem a response carries, or null when its body is not <c>application/problem+json</c>.</summary>
    /// <param name="response">The response.</param>
    public static async Task<ProblemBody?> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var errors = root.TryGetProperty("errors", out var list)
            ? list.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray())
            : [];
        return new ProblemBody(
            root.TryGetProperty("status", out var status) ? status.GetInt32() : null,
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            errors,
            text);
    }
}
