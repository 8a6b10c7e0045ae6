using System.Globalization;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// Companion service (<c>upsell.companion-service</c>): a customer buys a service A of the firm's catalogue
/// but not a service B that most other buyers of A also buy. A customer buys a service when it has a
/// project delivering it (<see cref="ProjectFacts.ServiceId"/>), in any state but cancelled, that had not
/// ended before the window (default the last 24 months). Over every customer buying anything, for each pair:
/// confidence = customers buying both ÷ customers buying A, lift = confidence ÷ (customers buying B ÷ all);
/// the pair counts when confidence, lift and the customers buying both reach their settings. Reads every
/// project in one call (<see cref="IProjectFacts.ListOutlinesAsync"/>, no burn) and the catalogue in one more, then counts in
/// memory (<see cref="ServicePairs"/>), never a query per customer. A customer's hit is its best pair
/// (<c>service:{B}</c>), scored by the confidence; B is only offered while the firm still sells it.
/// Without the projects plugin the rule finds nothing.
/// </summary>
public sealed class CompanionServiceRule(IServiceProvider services, IStringLocalizer<UpsellResources> L) : IUpsellRule
{
    /// <summary>The rule's id.</summary>
    public const string RuleId = "upsell.companion-service";

    /// <summary>The setting of how many months back a project counts as buying its service.</summary>
    public const string WindowKey = "window-months";

    /// <summary>The setting of the least confidence, in percent.</summary>
    public const string MinConfidenceKey = "min-confidence-percent";

    /// <summary>The setting of the least lift.</summary>
    public const string MinLiftKey = "min-lift";

    /// <summary>The setting of the least customers buying both services.</summary>
    public const string MinCustomersKey = "min-customers";

    private static readonly ProjectStatus[] Buying = [ProjectStatus.Planned, ProjectStatus.Active, ProjectStatus.OnHold, ProjectStatus.Completed];

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Name => L["Companion service"];

    /// <inheritdoc />
    public string Description => L["The customer buys a service that most other buyers combine with one it does not buy yet."];

    /// <inheritdoc />
    public IReadOnlyList<UpsellRuleSetting> Settings =>
    [
        new UpsellRuleSetting(WindowKey, L["Window (months)"], UpsellSettingKind.Months, 24m, 1m, 120m),
        new UpsellRuleSetting(MinConfidenceKey, L["Least confidence (% of the first service's buyers who buy both)"], UpsellSettingKind.Percent, 50m, 1m, 100m),
        new UpsellRuleSetting(MinLiftKey, L["Least lift"], UpsellSettingKind.Number, 1.2m, 1m, 100m),
        new UpsellRuleSetting(MinCustomersKey, L["Least customers buying both"], UpsellSettingKind.Number, 5m, 1m, 100_000m),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (services.GetService<IProjectFacts>() is not { } projects || services.GetService<IServiceCatalogue>() is not { } catalogue)
        {
            return [];
        }

        var since = evaluation.Today.AddMonths(-(int)evaluation.Setting(WindowKey));
        var thresholds = new PairThresholds(evaluation.Setting(MinConfidenceKey), evaluation.Setting(MinLiftKey), (int)evaluation.Setting(MinCustomersKey));
        var baskets = new Dictionary<long, HashSet<long>>();
        foreach (var project in await projects.ListOutlinesAsync(new ProjectFactsQuery(Statuses: Buying), cancellationToken))
        {
            if (project.ServiceId is { } service && (project.EndDate is null || project.EndDate >= since))
            {
                if (!baskets.TryGetValue(project.CustomerId, out var bought))
                {
                    baskets[project.CustomerId] = bought = [];
                }

                bought.Add(service);
            }
        }

        if (baskets.Count == 0)
        {
            return [];
        }

        var offered = (await catalogue.ListAsync(includeRetired: true, cancellationToken)).ToDictionary(s => s.Id);
        var pairs = ServicePairs.Count(baskets);
        return [.. pairs.BestMissing(thresholds, b => offered.TryGetValue(b, out var s) && !s.IsRetired)
            .Select(found => Hit(found.CustomerId, found.Pair, thresholds, offered))];
    }

    /// <inheritdoc />
    public UpsellExplanation Explain(UpsellEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var culture = CultureInfo.CurrentCulture;
        var a = evidence.Text("service-a-name") ?? "";
        var b = evidence.Text("service-b-name") ?? "";
        var both = (evidence.Number("both") ?? 0m).ToString("N0", culture);
        var buyersOfA = (evidence.Number("buyers-a") ?? 0m).ToString("N0", culture);
        var customers = (evidence.Number("customers") ?? 0m).ToString("N0", culture);
        var confidence = Math.Floor(evidence.Number("confidence") ?? 0m).ToString("N0", culture);
        var lift = LiftText(evidence.Number("lift") ?? 0m, culture);
        return new UpsellExplanation(
            L["Buys {0} but not {1}; {2} of {3} customers who buy {0} also buy {1} ({4} %, lift {5})", a, b, both, buyersOfA, confidence, lift],
            [
                new UpsellEvidenceLine(L["Buys"], a),
                new UpsellEvidenceLine(L["Does not buy"], b),
                new UpsellEvidenceLine(L["Bought together"], L["{0} of {1}", both, buyersOfA]),
                new UpsellEvidenceLine(L["Confidence"], L["{0} %", confidence]),
                new UpsellEvidenceLine(L["Lift"], lift),
                new UpsellEvidenceLine(L["Customers compared"], customers),
            ]);
    }

    /// <summary>A lift as shown: two decimals at most, cut rather than rounded, so a lift shown as the threshold has reached it.</summary>
    /// <param name="lift">The lift.</param>
    /// <param name="culture">The reader's culture.</param>
    internal static string LiftText(decimal lift, CultureInfo culture) => (Math.Floor(lift * 100m) / 100m).ToString("#,0.##", culture);

    private static UpsellHit Hit(long customerId, ServicePair pair, PairThresholds thresholds, Dictionary<long, CatalogueService> catalogue)
    {
        string NameOf(long id) => catalogue.TryGetValue(id, out var s) ? s.Name : string.Create(CultureInfo.InvariantCulture, $"#{id}");
        var evidence = new UpsellEvidence()
            .With("service-a", pair.A)
            .With("service-a-name", NameOf(pair.A))
            .With("service-b", pair.B)
            .With("service-b-name", NameOf(pair.B))
            .With("both", pair.Both)
            .With("buyers-a", pair.BuyersOfA)
            .With("buyers-b", pair.BuyersOfB)
            .With("customers", pair.Customers)
            .With("confidence", decimal.Round(pair.ConfidencePercent, 2))
            .With("lift", decimal.Round(pair.Lift, 4))
            .With("min-confidence", thresholds.MinConfidencePercent)
            .With("min-lift", thresholds.MinLift)
            .With("min-customers", thresholds.MinCustomers);
        return new UpsellHit(
            customerId,
            string.Create(CultureInfo.InvariantCulture, $"service:{pair.B}"),
            Math.Min(100m, decimal.Round(pair.ConfidencePercent, 2)),
            evidence);
    }
}
