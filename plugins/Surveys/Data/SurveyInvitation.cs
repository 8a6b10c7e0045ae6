using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// A personal link to a survey sent to one contact. The link's token is never stored: only its SHA-256
/// hash, so that a copy of the database opens no survey. An invitation records that it was used, never
/// when, and never which response it gave (docs/decisions/0023). For an anonymous survey it holds no
/// contact or customer at all (the sender addresses the message and forgets), and its hash is deleted at
/// submit: nothing links a person to the answers.
/// </summary>
public sealed class SurveyInvitation
{
    /// <summary>The length of a token's hash (SHA-256).</summary>
    public const int HashLength = 32;

    public long Id { get; set; }

    public long SurveyId { get; set; }

    /// <summary>The contact written to; null when the customer is a person (written to itself) and on an anonymous survey.</summary>
    public long? ContactId { get; set; }

    /// <summary>The customer; null on an anonymous survey, whose invitations record nobody.</summary>
    public long? CustomerId { get; set; }

    /// <summary>The language the survey is shown in (one of the survey's languages).</summary>
    public string Language { get; set; } = "en";

    /// <summary>The SHA-256 hash of the link's token; deleted (null) when an anonymous survey's link is used. Never audited.</summary>
    [NotAudited]
    public byte[]? TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>After this the link opens nothing.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>
    /// Made by a visit of the survey's public link rather than sent to someone: not counted among the links
    /// sent, and deleted once expired unanswered.
    /// </summary>
    public bool ThroughPublicLink { get; set; }

    /// <summary>Whether the link has been used to answer; deliberately without a time.</summary>
    public bool IsAnswered { get; set; }

    /// <summary>
    /// The answers saved to continue later (JSON: question id → the values posted), until submit deletes
    /// them; never a response, and never counted in results. Never audited.
    /// </summary>
    [NotAudited]
    public string? Draft { get; set; }

    /// <summary>
    /// When the one reminder was queued; null until then. The reminder carries a new token whose hash
    /// replaces <see cref="TokenHash"/> (docs/decisions/0023); set with a conditional update, so it is sent once.
    /// </summary>
    public DateTimeOffset? RemindedAt { get; set; }
}
