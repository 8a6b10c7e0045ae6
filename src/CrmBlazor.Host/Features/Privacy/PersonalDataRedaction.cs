using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Sdk.Privacy;

namespace CrmBlazor.Host.Features.Privacy;

/// <summary>
/// Removes a person's names and e-mail addresses from text the core stores on behalf of others: event
/// payloads in the outbox and job arguments, which plugins fill with whatever their events and jobs
/// carry (a note's text, a message).
/// </summary>
internal static class PersonalDataRedaction
{
    /// <summary>What replaces a mention.</summary>
    public const string Erased = "(erased)";

    /// <summary>The person's names and addresses, longest first, so that a longer mention is replaced whole.</summary>
    public static IReadOnlyList<string> MentionsOf(PersonalDataSubject subject) =>
    [
        .. subject.Names.Concat(subject.Emails)
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(m => m.Length),
    ];

    /// <summary>
    /// How the mentions may be spelled in stored JSON: as they are, and as the serializer escapes them
    /// (non-ASCII letters and characters such as '+' become \uXXXX).
    /// </summary>
    public static IReadOnlyList<string> JsonSpellingsOf(IReadOnlyList<string> mentions) =>
    [
        .. mentions.SelectMany(m => new[] { m, JsonSerializer.Serialize(m, JsonSerializerOptions.Web)[1..^1] }).Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Replaces the mentions in every string value of a JSON document; names of properties are left alone.</summary>
    /// <param name="json">The document.</param>
    /// <param name="mentions">The mentions.</param>
    public static string RedactJson(string json, IReadOnlyList<string> mentions)
    {
        var root = JsonNode.Parse(json);
        return root is null ? json : Redact(root, mentions)?.ToJsonString(JsonSerializerOptions.Web) ?? json;
    }

    /// <summary>Replaces the mentions in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mentions">The mentions, longest first.</param>
    public static string? RedactText(string? text, IReadOnlyList<string> mentions) =>
        text is null ? null : mentions.Aggregate(text, (current, mention) => current.Replace(mention, Erased, StringComparison.Ordinal));

    private static JsonNode? Redact(JsonNode node, IReadOnlyList<string> mentions)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = value is null ? null : Redact(value, mentions);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } item ? Redact(item, mentions) : null;
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(RedactText(text, mentions));
            default:
                return node.DeepClone();
        }
    }
}
