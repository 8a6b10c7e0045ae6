namespace CrmBlazor.Host.Features.Segments;

/// <summary>How a refresh of one segment's membership ended.</summary>
public enum SegmentRefreshStatus
{
    /// <summary>Membership now follows the rules.</summary>
    Refreshed,

    /// <summary>The segment does not exist (any more).</summary>
    NotFound,

    /// <summary>The rules cannot be evaluated now (e.g. a field whose plugin is gone); membership was left as it was.</summary>
    InvalidRules,
}

/// <summary>The outcome of <see cref="SegmentService.RefreshAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="MemberCount">The number of members after a refresh.</param>
/// <param name="Errors">What is wrong with the rules, per rule part (<c>Rules[0].Field</c>), in English.</param>
public sealed record SegmentRefreshResult(SegmentRefreshStatus Status, int? MemberCount, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The segment does not exist.</summary>
    public static SegmentRefreshResult NotFound { get; } = new(SegmentRefreshStatus.NotFound, null, new Dictionary<string, string[]>());

    /// <summary>Refreshed.</summary>
    /// <param name="memberCount">The number of members.</param>
    public static SegmentRefreshResult Refreshed(int memberCount) => new(SegmentRefreshStatus.Refreshed, memberCount, new Dictionary<string, string[]>());

    /// <summary>Not refreshed because the rules cannot be evaluated.</summary>
    /// <param name="errors">What is wrong.</param>
    public static SegmentRefreshResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(SegmentRefreshStatus.InvalidRules, null, errors);
}

/// <summary>A segment as the list shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="MemberCount">Members at the last refresh.</param>
/// <param name="RefreshedAt">When membership was last refreshed, or null if never.</param>
/// <param name="HasRuleProblems">Whether its rules cannot be evaluated now (membership is then no longer refreshed).</param>
public sealed record SegmentSummary(long Id, string Name, string? Description, int MemberCount, DateTimeOffset? RefreshedAt, bool HasRuleProblems);
