using System.Globalization;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// Budget burn (<c>upsell.budget-burn</c>): an active project that has used its hours or money budget up to
/// a threshold (default 90 %) is a customer about to need more. Reads every active project in one call
/// (<see cref="IProjectFacts.ListAsync"/>); a customer's hit is its most burnt project
/// (<c>project:{id}</c>). The threshold is compared exactly (used × 100 ≥ threshold × budget), so a
/// project at 89.99 % is not found and one at 90 % is. The estimated value is what the time or money beyond
/// the budget is worth (hours over the budget × the project's rate; the amount over a money budget), none
/// while the budget holds. Without the projects plugin the rule finds nothing.
/// </summary>
public sealed class BudgetBurnRule(IServiceProvider services, IStringLocalizer<UpsellResources> L) : IUpsellRule
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "upsell.budget-burn";

    /// <summary>The threshold's setting.</summary>
    public const string ThresholdKey = "threshold-percent";

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Name => L["Budget burn"];

    /// <inheritdoc />
    public string Description => L["An active project has used its budget of hours or money up to the threshold: the customer will need more soon."];

    /// <inheritdoc />
    public IReadOnlyList<UpsellRuleSetting> Settings =>
        [new UpsellRuleSetting(ThresholdKey, L["Threshold (% of the budget used)"], UpsellSettingKind.Percent, 90m, 1m, 1000m)];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (services.GetService<IProjectFacts>() is not { } projects)
        {
            return [];
        }

        var threshold = evaluation.Setting(ThresholdKey);
        var active = await projects.ListAsync(new ProjectFactsQuery(Statuses: [ProjectStatus.Active]), cancellationToken);
        return [.. active
            .Select(p => Burn.Of(p))
            .Where(b => b is not null && b.Used * 100m >= threshold * b.Budget)
            .Select(b => b!)
            .GroupBy(b => b.Project.CustomerId)
            .Select(g => g.OrderByDescending(b => b.Percent).ThenBy(b => b.Project.ProjectId).First())
            .Select(b => b.Hit(threshold))];
    }

    /// <inheritdoc />
    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var culture = CultureInfo.CurrentCulture;
        var project = evidence.Text("project-name") ?? "";
        var href = evidence.Number("project-id") is { } id ? string.Create(CultureInfo.InvariantCulture, $"/projects/{id:0}") : null;
        var budget = evidence.Number("budget") ?? 0m;
        var used = evidence.Number("used") ?? 0m;
        var percent = Math.Floor(evidence.Number("percent") ?? 0m).ToString("N0", culture);
        var threshold = (evidence.Number("threshold") ?? 0m).ToString("#,0.##", culture);
        string budgetText, usedText, reason, usedLabel;
        if (evidence.Text("measure") == "amount" && evidence.Text("currency") is { Length: 3 } currency)
        {
            (budgetText, usedText) = (MoneyFormat.Format(budget, currency, culture), MoneyFormat.Format(used, currency, culture));
            reason = L["Budget {0}, {1} used ({2} %) on {3}; threshold {4} %", budgetText, usedText, percent, project, threshold];
            usedLabel = L["Used"];
        }
        else
        {
            (budgetText, usedText) = (L["{0} h", budget.ToString("#,0.##", culture)], L["{0} h", used.ToString("#,0.##", culture)]);
            reason = L["Budget {0}, {1} logged ({2} %) on {3}; threshold {4} %", budgetText, usedText, percent, project, threshold];
            usedLabel = L["Logged"];
        }

        return new UpsellExplanation(reason,
        [
            new UpsellEvidenceLine(L["Project"], project, href),
            new UpsellEvidenceLine(L["Budget"], budgetText),
            new UpsellEvidenceLine(usedLabel, usedText),
            new UpsellEvidenceLine(L["Budget used"], L["{0} %", percent]),
            new UpsellEvidenceLine(L["Threshold"], L["{0} %", threshold]),
        ]);
    }

    /// <summary>A project's burn on the measure furthest used: hours, or money when that is used more.</summary>
    private sealed record Burn(ProjectFacts Project, string Measure, decimal Budget, decimal Used)
    {
        public decimal Percent => Used * 100m / Budget;

        public static Burn? Of(ProjectFacts project)
        {
            var hours = project.Budget.Hours is > 0m and var h ? new Burn(project, "hours", h, project.Burn.Hours) : null;
            var amount = project.Budget.Amount is > 0m and var a ? new Burn(project, "amount", a, project.Burn.Amount) : null;
            return (hours, amount) switch
            {
                (null, null) => null,
                ({ } only, null) => only,
                (null, { } only) => only,
                var (x, y) => y!.Percent > x!.Percent ? y : x,
            };
        }

        public UpsellHit Hit(decimal threshold)
        {
            var evidence = new UpsellEvidence()
                .With("project-id", Project.ProjectId)
                .With("project-name", Project.Name)
                .With("measure", Measure)
                .With("budget", Budget)
                .With("used", Used)
                .With("percent", decimal.Round(Percent, 2))
                .With("threshold", threshold)
                .With("currency", Project.Currency);
            decimal? value = Measure switch
            {
                "hours" when Used > Budget && Project.HourlyRate is { } rate => decimal.Round((Used - Budget) * rate, 2),
                "amount" when Used > Budget => decimal.Round(Used - Budget, 2),
                _ => null,
            };
            return new UpsellHit(
                Project.CustomerId,
                string.Create(CultureInfo.InvariantCulture, $"project:{Project.ProjectId}"),
                Math.Min(100m, Math.Floor(Percent)),
                evidence,
                value,
                value is null ? null : Project.Currency);
        }
    }
}
