namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// One submitted set of answers. It holds nothing that identifies who gave it: a random id (no order
/// that could be matched against when invitations were answered), the survey and the day only. Who
/// answered a non-anonymous survey is kept apart in <see cref="SurveyRespondent"/>, which is never
/// written for an anonymous survey (docs/decisions/0023).
/// </summary>
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
public sealed class SurveyAnswer
{
    public long Id { get; set; }

    public Guid ResponseId { get; set; }

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
