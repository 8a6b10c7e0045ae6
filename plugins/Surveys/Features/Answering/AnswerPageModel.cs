using CrmBlazor.Plugins.Surveys.Data;

namespace CrmBlazor.Plugins.Surveys.Features.Answering;

/// <summary>What the public answer page shows.</summary>
public enum AnswerPageState
{
    /// <summary>The questions, to answer (with the problems of a refused submit, if any).</summary>
    Form,

    /// <summary>The draft was saved; the questions again, with what was entered.</summary>
    DraftSaved,

    /// <summary>The answers were stored: thanks.</summary>
    Saved,

    /// <summary>No link has this token (never had, or an anonymous survey's link that was used).</summary>
    Unknown,

    /// <summary>The link has expired.</summary>
    Expired,

    /// <summary>The link was used to answer already.</summary>
    AlreadyAnswered,

    /// <summary>The survey takes no more answers.</summary>
    Closed,

    /// <summary>The post could not be read (not a form of this page, fields it does not have, an expired form).</summary>
    Malformed,

    /// <summary>The post was larger than the page accepts.</summary>
    TooLarge,

    /// <summary>Too many requests from the client's address.</summary>
    TooManyRequests,

    /// <summary>
    /// Too many respondents at once for this instance (<see cref="AnswerPageGate"/>): nothing was stored; a post's
    /// answers are kept in the page, to send again.
    /// </summary>
    Busy,

    /// <summary>A preview's answers would be accepted (nothing was stored); the questions again, with what was entered.</summary>
    PreviewChecked,
}

/// <summary>The state, the survey and what was entered, for <see cref="AnswerPage"/>.</summary>
/// <param name="State">What the page shows.</param>
/// <param name="Survey">The survey, for <see cref="AnswerPageState.Form"/> and <see cref="AnswerPageState.DraftSaved"/>.</param>
/// <param name="Language">The language the page is in.</param>
/// <param name="Action">Where the form posts (the page's own address).</param>
/// <param name="Values">What was entered (posted, or the draft), per question id.</param>
/// <param name="Problems">The problem of each question of a refused submit.</param>
/// <param name="AntiforgeryField">The antiforgery field's name.</param>
/// <param name="AntiforgeryToken">The antiforgery token of the form.</param>
/// <param name="IsPreview">
/// Whether a manager previews the survey (<see cref="PreviewEndpoints"/>): marked as a preview, the submit only
/// checks the answers (<c>action=preview</c>) and saving for later is disabled.
/// </param>
/// <param name="Kept">
/// For <see cref="AnswerPageState.Busy"/> after a post: the fields posted (questions and the action), kept in the
/// page's form as hidden fields, to send again; empty otherwise.
/// </param>
public sealed record AnswerPageModel(AnswerPageState State, Survey? Survey, string Language, string? Action,
    IReadOnlyDictionary<long, IReadOnlyList<string>> Values, IReadOnlyDictionary<long, Problem> Problems,
    string? AntiforgeryField, string? AntiforgeryToken, bool IsPreview = false, IReadOnlyList<KeyValuePair<string, string>>? Kept = null);
