using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// One submitted set of answers. It holds nothing that identifies who gave it: a random id (no order
/// that could be matched against when invitations were answered), the survey and the day only. Who
/// answered a non-anonymous survey is kept apart in <see cref="SurveyRespondent"/>, which is never
/// written for an anonymous survey (docs/decisions/0023).
/// </summary>
/// <remarks>
/// Not audited, nor are its answers: an audit entry records the exact time of the insert, which could be
/// matched against when a link was opened, and the respondent's words belong to the results, not to a log.
/// </remarks>
[NotAudited]
public sealed class SurveyResponse
{
    /// <summary>A random id, so that the order of responses says nothing about the order of people.</summary>
    public Guid Id { get; set; }

    public long SurveyId { get; set; }

    /// <summary>The day of the answer (UTC), never the time: a timestamp could be matched against the invitation's.</summary>
    public DateOnly AnsweredOn { get; set; }

    public List<SurveyAnswer> Answers { get; } = [];
}

/// <summary>The answer to one question: a number, a chosen option (one row per option of a multiple choice) or a text.</summary>
/// <remarks>Not audited, as its response is not.</remarks>
[NotAudited]
public sealed class SurveyAnswer
{
    /// <summary>
    /// A random key (version 4): a sequence would tell in which order responses were given. It replaced
    /// a sequential <c>Id</c> under a new name, as PostgreSQL cannot turn a number into a uuid in place.
    /// </summary>
    public Guid Key { get; set; } = Guid.NewGuid();

    public Guid ResponseId { get; set; }

    /// <summary>The response's survey, copied so that results are counted from the answers alone (no join to the responses).</summary>
    public long SurveyId { get; set; }

    /// <summary>The response's day, copied for the trend; like the response's, never a time.</summary>
    public DateOnly AnsweredOn { get; set; }

    public long QuestionId { get; set; }

    /// <summary>The number of a scale question.</summary>
    public int? Number { get; set; }

    /// <summary>The option chosen.</summary>
    public long? OptionId { get; set; }

    /// <summary>The text of a text question, as typed (shown escaped).</summary>
    public string? Text { get; set; }
}

/// <summary>
/// Who gave a response to a non-anonymous survey: the contact and customer, and when exactly. Written
/// only for surveys that are not anonymous; the answer rows themselves never hold any of it.
/// </summary>
public sealed class SurveyRespondent
{
    public Guid ResponseId { get; set; }

    public long SurveyId { get; set; }

    /// <summary>The contact who answered, or null when the customer is a person.</summary>
    public long? ContactId { get; set; }

    public long CustomerId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}
