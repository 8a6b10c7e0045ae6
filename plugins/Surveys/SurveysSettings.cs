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

    /// <summary>
    /// How many requests to the public answer page and public links one instance of the host serves at
    /// once (<c>Plugins:surveys:AnswerPageConcurrency</c>, default 24); each uses at most two of the database
    /// pool's connections at a time (Npgsql's pool holds 100 by default), so a burst of respondents leaves the
    /// pool to the rest of the host. More wait in a queue.
    /// </summary>
    [Range(1, 1000)]
    public int AnswerPageConcurrency { get; set; } = 24;

    /// <summary>
    /// How many requests to the public answer page may wait for their turn on one instance
    /// (<c>Plugins:surveys:AnswerPageQueue</c>, default 5,000); one more gets the "busy, try again in a
    /// moment" page with 503.
    /// </summary>
    [Range(0, 1_000_000)]
    public int AnswerPageQueue { get; set; } = 5000;

    /// <summary>
    /// How long a request to the public answer page waits for its turn, in seconds
    /// (<c>Plugins:surveys:AnswerPageQueueSeconds</c>, default 60); after that it gets the "busy" page with 503
    /// and <c>Retry-After</c>, and a post keeps what was entered, to send again.
    /// </summary>
    [Range(1, 600)]
    public int AnswerPageQueueSeconds { get; set; } = 60;
}
