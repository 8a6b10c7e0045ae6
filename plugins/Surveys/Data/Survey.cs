using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>What a survey mainly measures; results and (later) the closed loop read its main question by it.</summary>
public enum SurveyKind
{
    /// <summary>Net Promoter Score: "How likely are you to recommend us?" on 0–10.</summary>
    Nps,

    /// <summary>Customer satisfaction on 1–5.</summary>
    Csat,

    /// <summary>Customer effort on 1–7.</summary>
    Effort,

    /// <summary>A questionnaire of any questions.</summary>
    Questionnaire,
}

/// <summary>Where a survey is in its life: built as a draft, open for answers, closed.</summary>
public enum SurveyState
{
    /// <summary>Being built; nobody can answer yet.</summary>
    Draft,

    /// <summary>Taking answers.</summary>
    Open,

    /// <summary>No longer taking answers; its results stay.</summary>
    Closed,
}

/// <summary>
/// A survey: its settings, sections and questions. The survey is the unit of change: every edit of a
/// section, question or option is checked against the survey's <see cref="RowVersion"/> and gives it a
/// new one, so two people building the same survey never overwrite each other.
/// </summary>
public sealed class Survey : IVersionedEntity
{
    /// <summary>The default smallest group of answers an anonymous survey's results are shown for.</summary>
    public const int DefaultMinimumGroupSize = 5;

    public long Id { get; set; }

    public required string Name { get; set; }

    public SurveyKind Kind { get; set; }

    /// <summary>The languages the survey is written in, as codes separated by commas (<c>en,ur</c>), in <see cref="SurveyLanguages.All"/>' order.</summary>
    public required string Languages { get; set; }

    /// <summary>Anonymous: answers are stored with no link to the person who gave them (see docs/decisions/0023).</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>Whether a detractor's answer opens a follow-up for the customer's account manager.</summary>
    public bool ClosedLoop { get; set; }

    /// <summary>The smallest number of answers an anonymous survey's results are shown for.</summary>
    public int MinimumGroupSize { get; set; } = DefaultMinimumGroupSize;

    public SurveyState State { get; set; }

    /// <summary>After how many days an unanswered invitation is reminded once; 0 for never. Always 0 on an anonymous survey.</summary>
    public int RemindAfterDays { get; set; }

    /// <summary>
    /// The SHA-256 hash of the token of the survey's public link (<c>/surveys/public/{token}</c>), or null while
    /// the survey has none. Only an anonymous survey has one; the token itself is shown once, when made, and
    /// never stored. Never audited.
    /// </summary>
    [NotAudited]
    public byte[]? PublicTokenHash { get; set; }

    /// <summary>Until when the public link works; null while the survey has none. The answer pages it opens work as long.</summary>
    public DateTimeOffset? PublicLinkExpiresAt { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the survey or any of its parts last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public Guid RowVersion { get; set; }

    public List<SurveySection> Sections { get; } = [];

    public List<SurveyQuestion> Questions { get; } = [];

    /// <summary>The languages as a list.</summary>
    public IReadOnlyList<string> LanguageList => SurveyLanguages.Parse(Languages);
}

/// <summary>A titled group of questions, shown in order.</summary>
public sealed class SurveySection
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public int Position { get; set; }

    /// <summary>The title per language code; may be empty.</summary>
    public Dictionary<string, string> Titles { get; set; } = [];

    /// <summary>Set when the section was removed after answers existed; it keeps its questions for the results.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>The kinds of question.</summary>
public enum QuestionType
{
    /// <summary>Net Promoter Score, 0–10.</summary>
    Nps,

    /// <summary>Satisfaction, 1–5.</summary>
    Csat,

    /// <summary>Effort, 1–7.</summary>
    Effort,

    /// <summary>A rating from 1 to a maximum of the builder's choice (3–10).</summary>
    Rating,

    /// <summary>One option of several.</summary>
    SingleChoice,

    /// <summary>Any options of several.</summary>
    MultipleChoice,

    /// <summary>A line of text.</summary>
    ShortText,

    /// <summary>Paragraphs of text.</summary>
    LongText,
}

/// <summary>How a show-if condition compares the earlier answer.</summary>
public enum ShowIfOperator
{
    /// <summary>The earlier number is at most the value (NPS ≤ 6: detractors).</summary>
    AtMost,

    /// <summary>The earlier number is at least the value.</summary>
    AtLeast,

    /// <summary>The earlier number is the value.</summary>
    Equals,

    /// <summary>The earlier choice question's option (the value is the option's id) was chosen.</summary>
    Chosen,
}

/// <summary>
/// A question. Once the survey has answers its <see cref="Type"/> and scale are fixed, and removing it
/// only retires it (<see cref="RetiredAt"/>), so that every stored answer keeps its meaning.
/// </summary>
public sealed class SurveyQuestion
{
    public long Id { get; set; }

    public long SurveyId { get; set; }

    public long SectionId { get; set; }

    /// <summary>The order within the section.</summary>
    public int Position { get; set; }

    public QuestionType Type { get; set; }

    public bool IsRequired { get; set; }

    /// <summary>The lowest answer of a scale question (0 for NPS, 1 otherwise); null for choice and text.</summary>
    public int? ScaleMin { get; set; }

    /// <summary>The highest answer of a scale question; null for choice and text.</summary>
    public int? ScaleMax { get; set; }

    /// <summary>The question per language code.</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    /// <summary>The earlier question whose answer decides whether this one is shown, or null to always show it.</summary>
    public long? ShowIfQuestionId { get; set; }

    public ShowIfOperator? ShowIfOperator { get; set; }

    /// <summary>The number compared, or the option id for <see cref="Data.ShowIfOperator.Chosen"/>.</summary>
    public long? ShowIfValue { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public List<QuestionOption> Options { get; } = [];
}

/// <summary>An option of a choice question; retired rather than deleted once answers exist.</summary>
public sealed class QuestionOption
{
    public long Id { get; set; }

    public long QuestionId { get; set; }

    public int Position { get; set; }

    /// <summary>The option per language code.</summary>
    public Dictionary<string, string> Texts { get; set; } = [];

    public DateTimeOffset? RetiredAt { get; set; }
}
