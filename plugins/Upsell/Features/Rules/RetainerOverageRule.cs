using System.Globalization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// Retainer overage (<c>upsell.retainer-overage</c>): an active project with hours included per month (a
/// retainer, <see cref="ProjectFacts.MonthlyAllowanceHours"/>) whose logged hours went beyond the allowance
/// (by more than a margin, default none) in at least N of the last M complete calendar months (defaults 2
/// of 3): the customer needs a bigger retainer. Reads the active projects in one call
/// (<see cref="IProjectFacts.ListOutlinesAsync"/>, no burn) and the hours of every project and month of the window in one
/// more (<see cref="IProjectFacts.GetMonthlyHoursAsync"/>); a customer's hit is its strongest project
/// (<c>project:{id}</c>).
/// </summary>
/// <remarks>
/// The current month never counts: it is not over, so its hours so far cannot be held against a monthly
/// allowance (a retainer used up by the 20th is not yet over it), and counting it would open and close
/// opportunities as the month fills. The window is therefore the M months before the evaluation's month,
/// and a hit stays the same for the whole month. The allowance is the project's current one, applied to
/// every month of the window. More months over than the window has (N &gt; M) is read as every month of it.
/// </remarks>
public sealed class RetainerOverageRule(IServiceProvider services, IStringLocalizer<UpsellResources> L) : IUpsellRule
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "upsell.retainer-overage";

    /// <summary>The setting of how many months of the window must be over the allowance.</summary>
    public const string MonthsOverKey = "months-over";

    /// <summary>The setting of how many complete months the window has.</summary>
    public const string WindowKey = "window-months";

    /// <summary>The setting of the margin beyond the allowance a month must exceed (0: any time beyond it).</summary>
    public const string MarginKey = "overage-percent";

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Name => L["Retainer overage"];

    /// <inheritdoc />
    public string Description => L["A retainer's logged hours went beyond its monthly allowance in most of the last complete months: the customer needs a bigger retainer."];

    /// <inheritdoc />
    public IReadOnlyList<UpsellRuleSetting> Settings =>
    [
        new UpsellRuleSetting(MonthsOverKey, L["Months over the allowance"], UpsellSettingKind.Months, 2m, 1m, 24m),
        new UpsellRuleSetting(WindowKey, L["Window (complete months)"], UpsellSettingKind.Months, 3m, 1m, 24m),
        new UpsellRuleSetting(MarginKey, L["Margin beyond the allowance (%)"], UpsellSettingKind.Percent, 0m, 0m, 1000m),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (services.GetService<IProjectFacts>() is not { } projects)
        {
            return [];
        }

        var window = (int)evaluation.Setting(WindowKey);
        var needed = Math.Min((int)evaluation.Setting(MonthsOverKey), window);
        var margin = evaluation.Setting(MarginKey);
        var retainers = (await projects.ListOutlinesAsync(new ProjectFactsQuery(Statuses: [ProjectStatus.Active]), cancellationToken))
            .Where(p => p.MonthlyAllowanceHours is > 0m)
            .ToList();
        if (retainers.Count == 0)
        {
            return [];
        }

        var thisMonth = new DateOnly(evaluation.Today.Year, evaluation.Today.Month, 1);
        var first = thisMonth.AddMonths(-window);
        var minutes = (await projects.GetMonthlyHoursAsync(new MonthlyHoursQuery(first, thisMonth.AddMonths(-1)), cancellationToken))
            .ToDictionary(m => (m.ProjectId, m.Month), m => m.Minutes);
        return [.. retainers
            .Select(p => new Overage(p, first, [.. Enumerable.Range(0, window).Select(i => minutes.GetValueOrDefault((p.ProjectId, first.AddMonths(i))))], margin))
            .Where(o => o.MonthsOver >= needed)
            .GroupBy(o => o.Project.CustomerId)
            .Select(g => g.OrderByDescending(o => o.Score).ThenBy(o => o.Project.ProjectId).First())
            .Select(o => o.Hit())];
    }

    /// <inheritdoc />
    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var culture = CultureInfo.CurrentCulture;
        var project = evidence.Text("project-name") ?? "";
        var href = evidence.Number("project-id") is { } id ? string.Create(CultureInfo.InvariantCulture, $"/projects/{id:0}") : null;
        string Hours(decimal hours) => L["{0} h", hours.ToString("#,0.##", culture)];
        var allowance = Hours(evidence.Number("allowance") ?? 0m);
        var over = (evidence.Number("months-over") ?? 0m).ToString("N0", culture);
        var window = (evidence.Number("window") ?? 0m).ToString("N0", culture);
        var margin = evidence.Number("margin") ?? 0m;
        var marginText = margin.ToString("#,0.##", culture);
        var first = evidence.Date("first-month") ?? DateOnly.MinValue;
        var months = (evidence.Text("month-hours") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select((text, i) => (Month: first.AddMonths(i), Hours: decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)))
            .ToList();
        var list = string.Join(", ", months.Select(m => Hours(m.Hours)));
        var reason = margin > 0m
            ? L["Allowance {0} a month on {1}; more than {2} % over it in {3} of the last {4} months ({5})", allowance, project, marginText, over, window, list]
            : L["Allowance {0} a month on {1}; over it in {2} of the last {3} months ({4})", allowance, project, over, window, list];

        List<UpsellEvidenceLine> lines =
        [
            new(L["Project"], project, href),
            new(L["Monthly allowance"], allowance),
            new(L["Months over the allowance"], L["{0} of {1}", over, window]),
        ];
        if (margin > 0m)
        {
            lines.Add(new(L["Margin beyond the allowance"], L["{0} %", marginText]));
        }

        lines.AddRange(months.Select(m => new UpsellEvidenceLine(m.Month.ToDateTime(TimeOnly.MinValue).ToString("Y", culture), Hours(m.Hours))));
        return new UpsellExplanation(reason, lines);
    }

    /// <summary>
    /// A retainer's months in the window: which went beyond the allowance (minutes × 100 &gt; allowance × 60
    /// × (100 + margin), compared exactly), the hit's score and value.
    /// </summary>
    /// <param name="Project">The project.</param>
    /// <param name="FirstMonth">The window's first month.</param>
    /// <param name="Minutes">Minutes logged in each month of the window, oldest first.</param>
    /// <param name="Margin">The margin in percent of the allowance.</param>
    internal sealed record Overage(ProjectOutline Project, DateOnly FirstMonth, IReadOnlyList<int> Minutes, decimal Margin)
    {
        // The hours of the months beyond the allowance and the margin, counted once.
        private readonly decimal[] _over = [.. Minutes
            .Where(m => m * 100m > (Project.MonthlyAllowanceHours ?? 0m) * 60m * (100m + Margin))
            .Select(m => m / 60m)];

        private decimal Allowance => Project.MonthlyAllowanceHours ?? 0m;

        /// <summary>How many months of the window went beyond the allowance and the margin.</summary>
        public int MonthsOver => _over.Length;

        /// <summary>The average hours beyond the allowance in the months over it, or 0.</summary>
        public decimal AverageHoursBeyond => _over.Length == 0 ? 0m : _over.Average(h => h - Allowance);

        /// <summary>
        /// Half from how often (every month of the window over: 50), half from how far (the average hours
        /// beyond as a share of the allowance; twice the allowance or more: 50).
        /// </summary>
        public decimal Score => Minutes.Count == 0 || Allowance <= 0m
            ? 0m
            : decimal.Round((50m * MonthsOver / Minutes.Count) + (50m * Math.Min(1m, AverageHoursBeyond / Allowance)), 2);

        public UpsellHit Hit()
        {
            var evidence = new UpsellEvidence()
                .With("project-id", Project.ProjectId)
                .With("project-name", Project.Name)
                .With("allowance", Allowance)
                .With("months-over", MonthsOver)
                .With("window", Minutes.Count)
                .With("margin", Margin)
                .With("first-month", FirstMonth)
                .With("month-hours", string.Join(';', Minutes.Select(m => decimal.Round(m / 60m, 2).ToString(CultureInfo.InvariantCulture))))
                .With("average-hours-beyond", decimal.Round(AverageHoursBeyond, 2));
            decimal? value = Project.HourlyRate is { } rate && AverageHoursBeyond > 0m ? decimal.Round(AverageHoursBeyond * rate, 2) : null;
            return new UpsellHit(
                Project.CustomerId,
                string.Create(CultureInfo.InvariantCulture, $"project:{Project.ProjectId}"),
                Score,
                evidence,
                value,
                value is null ? null : Project.Currency);
        }
    }
}
