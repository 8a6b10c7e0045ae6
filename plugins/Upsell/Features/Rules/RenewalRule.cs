using System.Globalization;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// Renewal (<c>upsell.renewal</c>): an active project ends (its end date) within <c>days-ahead</c> days
/// (default 45; today and the last day included, a past end date not) for a customer whose latest CSAT is
/// at least <c>min-csat</c> (default 4 of 5): a satisfied customer whose work is ending is ready for what
/// comes next. Reads every active project in one <see cref="IProjectFacts.ListOutlinesAsync"/> call and the
/// scores of the customers with such a project in one <see cref="ISurveyScores.GetLatestAsync"/> call. A
/// customer's hit is its project ending soonest (<c>project:{id}</c>); moving its end date out of the window
/// resolves it. The score is the CSAT × 20; the estimated value is the project's budget amount (what the
/// same again would be worth), none when it has no budget amount. Without the projects or the surveys
/// plugin the rule finds nothing.
/// </summary>
public sealed class RenewalRule(IServiceProvider services, IStringLocalizer<UpsellResources> L) : IUpsellRule
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "upsell.renewal";

    /// <summary>How many days ahead a project's end counts.</summary>
    public const string DaysAheadKey = "days-ahead";

    /// <summary>The lowest latest CSAT that counts.</summary>
    public const string MinCsatKey = "min-csat";

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Name => L["Renewal"];

    /// <inheritdoc />
    public string Description => L["An active project ends soon for a customer whose latest CSAT is high: a good moment to propose what comes next."];

    /// <inheritdoc />
    public IReadOnlyList<UpsellRuleSetting> Settings =>
    [
        new UpsellRuleSetting(DaysAheadKey, L["Project ends within (days)"], UpsellSettingKind.Days, 45m, 1m, 366m),
        new UpsellRuleSetting(MinCsatKey, L["Lowest CSAT"], UpsellSettingKind.Number, 4m, 1m, 5m),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (services.GetService<IProjectFacts>() is not { } projects || services.GetService<ISurveyScores>() is not { } surveys)
        {
            return [];
        }

        var (today, days, minCsat) = (evaluation.Today, (int)evaluation.Setting(DaysAheadKey), evaluation.Setting(MinCsatKey));
        var ending = (await projects.ListOutlinesAsync(new ProjectFactsQuery(Statuses: [ProjectStatus.Active]), cancellationToken))
            .Where(p => Ends(p, today, days))
            .GroupBy(p => p.CustomerId)
            .Select(g => g.OrderBy(p => p.EndDate).ThenBy(p => p.ProjectId).First())
            .ToList();
        if (ending.Count == 0)
        {
            return [];
        }

        var scores = await surveys.GetLatestAsync([.. ending.Select(p => p.CustomerId)], cancellationToken);
        return [.. ending
            .Where(p => scores.GetValueOrDefault(p.CustomerId)?.Csat is { } csat && csat.Value >= minCsat)
            .Select(p => Hit(p, scores[p.CustomerId].Csat!, today, days, minCsat))];
    }

    /// <summary>Whether a project ends from today to <paramref name="days"/> days ahead, both included.</summary>
    /// <param name="project">The project.</param>
    /// <param name="today">The day of the evaluation.</param>
    /// <param name="days">How many days ahead.</param>
    public static bool Ends(ProjectOutline project, DateOnly today, int days)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.EndDate is { } end && end >= today && end <= today.AddDays(days);
    }

    /// <inheritdoc />
    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var culture = CultureInfo.CurrentCulture;
        var project = evidence.Text("project-name") ?? "";
        var href = evidence.Number("project-id") is { } id ? string.Create(CultureInfo.InvariantCulture, $"/projects/{id:0}") : null;
        var ends = evidence.Date("end-date")?.ToString("d MMMM yyyy", culture) ?? "";
        var daysLeft = (int)(evidence.Number("days-left") ?? 0m);
        string when = daysLeft switch
        {
            0 => L["today"],
            1 => L["tomorrow"],
            _ => L["in {0} days", daysLeft.ToString("N0", culture)],
        };
        var csat = (evidence.Number("csat") ?? 0m).ToString("N0", culture);
        var csatText = L["{0} of 5", csat];
        List<UpsellEvidenceLine> lines =
        [
            new UpsellEvidenceLine(L["Project"], project, href),
            new UpsellEvidenceLine(L["Ends on"], ends),
            new UpsellEvidenceLine(L["Days left"], daysLeft.ToString("N0", culture)),
            new UpsellEvidenceLine(L["Latest CSAT"], csatText),
        ];
        if (evidence.Number("budget-amount") is { } amount && evidence.Text("currency") is { Length: 3 } currency)
        {
            lines.Add(new UpsellEvidenceLine(L["Budget"], MoneyFormat.Format(amount, currency, culture)));
        }

        return new UpsellExplanation(L["{0} ends on {1} ({2}); latest CSAT {3}", project, ends, when, csatText], lines);
    }

    private static UpsellHit Hit(ProjectOutline project, SurveyScore csat, DateOnly today, int days, decimal minCsat)
    {
        var end = project.EndDate!.Value;
        var evidence = new UpsellEvidence()
            .With("project-id", project.ProjectId)
            .With("project-name", project.Name)
            .With("end-date", end)
            .With("days-left", end.DayNumber - today.DayNumber)
            .With("days-ahead", days)
            .With("csat", csat.Value)
            .With("min-csat", minCsat)
            .With("survey-id", csat.SurveyId)
            .With("currency", project.Currency);
        decimal? value = project.Budget.Amount is > 0m and var amount ? amount : null;
        if (value is { } v)
        {
            evidence.With("budget-amount", v);
        }

        return new UpsellHit(
            project.CustomerId,
            string.Create(CultureInfo.InvariantCulture, $"project:{project.ProjectId}"),
            Math.Clamp(csat.Value * 20m, 0m, 100m),
            evidence,
            value,
            value is null ? null : project.Currency);
    }
}
