using System.Globalization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// Promoter with growing use (<c>upsell.promoter-growing</c>): a customer whose latest NPS answer is at least
/// <c>min-nps</c> (default 9) and at most <c>score-age-months</c> old (default 12), and who logged at least
/// <c>growth-percent</c> (default 10) more hours in the last complete calendar quarter than in the quarter
/// before, is happy and using more: a good moment to offer more. Quarters are calendar quarters, as account
/// managers report them (on 7 December: July to September against April to June). The quarter before must
/// hold at least <c>min-hours</c> (default 10), so a customer coming from nothing is not "growing". Growth is
/// compared exactly on minutes (last × 100 ≥ before × (100 + growth)). Reads the scores of every customer in
/// one <see cref="ISurveyScores.GetLatestAsync"/> call and the six months in one
/// <see cref="IProjectFacts.GetMonthlyHoursAsync"/> call. The situation is the NPS answer
/// (<c>nps:{surveyId}:{answered on}</c>): while that answer is the latest and the growth holds, the
/// opportunity stays the same across quarters; a lower answer or a quarter without growth resolves it; a new
/// promoter's answer is a new situation. No estimated value. Without the surveys or the projects plugin the
/// rule finds nothing.
/// </summary>
public sealed class PromoterGrowingUseRule(IServiceProvider services, TimeProvider clock, IStringLocalizer<UpsellResources> L) : IUpsellRule
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "upsell.promoter-growing";

    /// <summary>The lowest NPS that counts as a promoter.</summary>
    public const string MinNpsKey = "min-nps";

    /// <summary>How many months old the NPS answer may be.</summary>
    public const string ScoreAgeKey = "score-age-months";

    /// <summary>How much more the last quarter must hold, in percent of the quarter before.</summary>
    public const string GrowthKey = "growth-percent";

    /// <summary>The hours the quarter before must hold at least.</summary>
    public const string MinHoursKey = "min-hours";

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Name => L["Promoter with growing use"];

    /// <inheritdoc />
    public string Description => L["The customer gave a high NPS lately and logged more hours last quarter than the quarter before: a good moment to offer more."];

    /// <inheritdoc />
    public IReadOnlyList<UpsellRuleSetting> Settings =>
    [
        new UpsellRuleSetting(MinNpsKey, L["Lowest NPS"], UpsellSettingKind.Number, 9m, 0m, 10m),
        new UpsellRuleSetting(ScoreAgeKey, L["Age of the NPS answer at most (months)"], UpsellSettingKind.Months, 12m, 1m, 60m),
        new UpsellRuleSetting(GrowthKey, L["Growth (% more hours than the quarter before)"], UpsellSettingKind.Percent, 10m, 1m, 1000m),
        new UpsellRuleSetting(MinHoursKey, L["Hours the quarter before at least"], UpsellSettingKind.Hours, 10m, 1m, 100000m),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (services.GetService<ISurveyScores>() is not { } surveys || services.GetService<IProjectFacts>() is not { } projects)
        {
            return [];
        }

        var (minNps, ageMonths, growth, minHours) =
            (evaluation.Setting(MinNpsKey), (int)evaluation.Setting(ScoreAgeKey), evaluation.Setting(GrowthKey), evaluation.Setting(MinHoursKey));
        var oldest = evaluation.Today.AddMonths(-ageMonths);
        var promoters = (await surveys.GetLatestAsync(null, cancellationToken)).Values
            .Where(s => s.Nps is { } nps && nps.Value >= minNps && AnsweredOn(nps) >= oldest)
            .ToDictionary(s => s.CustomerId, s => s.Nps!);
        if (promoters.Count == 0)
        {
            return [];
        }

        var quarters = Quarters.Of(evaluation.Today);
        var months = await projects.GetMonthlyHoursAsync(new MonthlyHoursQuery(quarters.Before.Start, quarters.Last.Start.AddMonths(2)), cancellationToken);
        return [.. months
            .Where(m => promoters.ContainsKey(m.CustomerId))
            .GroupBy(m => m.CustomerId)
            .Select(g => new Use(g.Key, g.Where(m => quarters.Before.Holds(m.Month)).Sum(m => (long)m.Minutes), g.Where(m => quarters.Last.Holds(m.Month)).Sum(m => (long)m.Minutes)))
            .Where(u => u.IsGrowth(growth, minHours))
            .Select(u => Hit(u, promoters[u.CustomerId], quarters, minNps, growth))];
    }

    /// <inheritdoc />
    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var culture = CultureInfo.CurrentCulture;
        var nps = (evidence.Number("nps") ?? 0m).ToString("N0", culture);
        var answered = evidence.Date("answered-on")?.ToString("d MMMM yyyy", culture) ?? "";
        var last = L["{0} h", (evidence.Number("hours") ?? 0m).ToString("#,0.##", culture)];
        var before = L["{0} h", (evidence.Number("hours-before") ?? 0m).ToString("#,0.##", culture)];
        var growth = Math.Floor(evidence.Number("growth") ?? 0m).ToString("N0", culture);
        var threshold = (evidence.Number("threshold") ?? 0m).ToString("#,0.##", culture);
        var quarter = evidence.Date("quarter-start") is { } start
            ? L["From {0} to {1}", start.ToString("MMMM yyyy", culture), start.AddMonths(2).ToString("MMMM yyyy", culture)].Value
            : "";
        return new UpsellExplanation(
            L["NPS {0} on {1}; {2} last quarter, up {3} % from {4}", nps, answered, last, growth, before],
            [
                new UpsellEvidenceLine(L["NPS"], nps),
                new UpsellEvidenceLine(L["Answered on"], answered),
                new UpsellEvidenceLine(L["Last quarter"], quarter),
                new UpsellEvidenceLine(L["Hours last quarter"], last),
                new UpsellEvidenceLine(L["Hours the quarter before"], before),
                new UpsellEvidenceLine(L["Growth"], L["{0} %", growth]),
                new UpsellEvidenceLine(L["Threshold"], L["{0} %", threshold]),
            ]);
    }

    // The day an answer was given, on the firm's clock (as the evaluation's today).
    private DateOnly AnsweredOn(SurveyScore score) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(score.AnsweredAt, clock.LocalTimeZone).DateTime);

    private UpsellHit Hit(Use use, SurveyScore nps, Quarters quarters, decimal minNps, decimal threshold)
    {
        var growth = decimal.Round(use.Growth, 2);
        var answered = AnsweredOn(nps);
        var evidence = new UpsellEvidence()
            .With("survey-id", nps.SurveyId)
            .With("nps", nps.Value)
            .With("answered-on", answered)
            .With("quarter-start", quarters.Last.Start)
            .With("hours", decimal.Round(use.LastMinutes / 60m, 2))
            .With("hours-before", decimal.Round(use.BeforeMinutes / 60m, 2))
            .With("growth", growth)
            .With("threshold", threshold)
            .With("min-nps", minNps);
        return new UpsellHit(
            use.CustomerId,
            string.Create(CultureInfo.InvariantCulture, $"nps:{nps.SurveyId}:{answered:yyyy-MM-dd}"),
            Score(nps.Value, growth),
            evidence);
    }

    /// <summary>
    /// How strong the signal is: five points per NPS point and half a point per percent of growth, at most
    /// 100 (NPS 9 and 10 % growth: 50; NPS 10 and 100 % growth: 100).
    /// </summary>
    /// <param name="nps">The NPS answer.</param>
    /// <param name="growthPercent">The growth in percent.</param>
    public static decimal Score(int nps, decimal growthPercent) => Math.Clamp(decimal.Round((5m * nps) + (growthPercent / 2m), 2, MidpointRounding.AwayFromZero), 0m, 100m);

    /// <summary>A customer's minutes in the quarter before and the last quarter.</summary>
    /// <param name="CustomerId">The customer.</param>
    /// <param name="BeforeMinutes">Minutes logged in the quarter before the last.</param>
    /// <param name="LastMinutes">Minutes logged in the last complete quarter.</param>
    public sealed record Use(long CustomerId, long BeforeMinutes, long LastMinutes)
    {
        /// <summary>The growth in percent of the quarter before (0 without hours before).</summary>
        public decimal Growth => BeforeMinutes == 0 ? 0m : (LastMinutes - BeforeMinutes) * 100m / BeforeMinutes;

        /// <summary>
        /// Whether the quarter before holds at least <paramref name="minHours"/> and the last at least
        /// <paramref name="growthPercent"/> % more, compared exactly on minutes.
        /// </summary>
        /// <param name="growthPercent">The growth needed.</param>
        /// <param name="minHours">The hours the quarter before must hold.</param>
        public bool IsGrowth(decimal growthPercent, decimal minHours) =>
            BeforeMinutes >= minHours * 60m && LastMinutes * 100m >= BeforeMinutes * (100m + growthPercent);
    }

    /// <summary>A calendar quarter.</summary>
    /// <param name="Start">Its first day.</param>
    public sealed record Quarter(DateOnly Start)
    {
        /// <summary>Whether a month (its first day, or any day of it) lies in the quarter.</summary>
        /// <param name="month">A day of the month.</param>
        public bool Holds(DateOnly month) => month >= Start && month < Start.AddMonths(3);
    }

    /// <summary>The last complete calendar quarter and the one before it.</summary>
    /// <param name="Before">The quarter before the last.</param>
    /// <param name="Last">The last complete quarter.</param>
    public sealed record Quarters(Quarter Before, Quarter Last)
    {
        /// <summary>The two complete quarters before the one <paramref name="today"/> lies in.</summary>
        /// <param name="today">The day of the evaluation.</param>
        public static Quarters Of(DateOnly today)
        {
            var current = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
            return new Quarters(new Quarter(current.AddMonths(-6)), new Quarter(current.AddMonths(-3)));
        }
    }
}
