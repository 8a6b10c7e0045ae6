using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Surveys;

/// <summary>Settings from <c>Plugins:surveys</c>; every one has a default.</summary>
public sealed class SurveysSettings
{
    /// <summary>
    /// How many requests (opening and posting together) one client address may make to the public answer
    /// page per minute (<c>Plugins:surveys:AnswerPageRequestsPerMinute</c>, default 60); more are refused with 429.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnswerPageRequestsPerMinute { get; set; } = 60;

    /// <summary>
    /// How many visits of public links one client address may make per minute
    /// (<c>Plugins:surveys:PublicLinkVisitsPerMinute</c>, default 10); more are refused with 429. Stricter than
    /// the answer page's limit, because every visit stores an invitation.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PublicLinkVisitsPerMinute { get; set; } = 10;
}
