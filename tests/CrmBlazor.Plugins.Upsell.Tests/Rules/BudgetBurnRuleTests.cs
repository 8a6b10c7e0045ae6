using System.Globalization;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Upsell;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Upsell.Tests.Rules;

/// <summary>
/// The budget-burn rule on facts of crafted projects: the threshold compared exactly, one hit per customer
/// (the most burnt project), the value of the hours beyond the budget, and the reason in the reader's culture.
/// </summary>
public sealed class BudgetBurnRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(108, true)]
    [InlineData(107.99, false)]
    public async Task Evaluate_AtAndJustBelowTheThreshold_FiresOnlyAtIt(double logged, bool fires)
    {
        var rule = Rule(Project(1, customer: 10, budgetHours: 120m, loggedHours: (decimal)logged));

        var hits = await rule.EvaluateAsync(Evaluation(90m));

        Assert.Equal(fires, hits.Count == 1);
    }

    [Fact]
    public async Task Evaluate_TwoProjectsOfACustomerOver_OneHitForTheMostBurnt()
    {
        var rule = Rule(Project(1, 10, 100m, 95m), Project(2, 10, 100m, 99m), Project(3, 11, 10m, 5m));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        Assert.Equal((10L, "project:2", 99m), (hit.CustomerId, hit.SituationKey, hit.Score));
    }

    [Fact]
    public async Task Evaluate_OverBudgetWithARate_ValuesTheHoursBeyondTheBudget()
    {
        var rule = Rule(Project(1, 10, 120m, 130m, rate: 85m));

        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        Assert.Equal((850m, "INR", 100m), (hit.EstimatedValue, hit.Currency, hit.Score));
    }

    [Theory]
    [InlineData("en", "Budget 120 h, 111 h logged (92 %) on Website relaunch; threshold 90 %")]
    [InlineData("en-IN", "Budget 1,20,000 h, 1,11,000 h logged (92 %) on Website relaunch; threshold 90 %")]
    public async Task Explain_TheReason_HasTheNumbersInTheReadersCulture(string culture, string expected)
    {
        var large = culture == "en-IN" ? 1000m : 1m;
        var rule = Rule(Project(1, 10, 120m * large, 111m * large, name: "Website relaunch"));
        var hit = Assert.Single(await rule.EvaluateAsync(Evaluation(90m)));

        var explanation = InCulture(culture, () => rule.Explain(hit.Evidence));

        Assert.Equal(expected, explanation.Reason);
        Assert.Equal(new UpsellEvidenceLine("Project", "Website relaunch", "/projects/1"), explanation.Lines[0]);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static UpsellEvaluation Evaluation(decimal threshold) =>
        new(Today, new Dictionary<string, decimal> { [BudgetBurnRule.ThresholdKey] = threshold });

    private static ProjectFacts Project(long id, long customer, decimal budgetHours, decimal loggedHours, decimal? rate = null, string? name = null) =>
        new(id, customer, name ?? $"Project {id}", ProjectStatus.Active, BillingMode.TimeAndMaterials, "INR", null, null, null, rate,
            new ProjectBudget(budgetHours, null), new ProjectBurn(loggedHours, loggedHours, 0m, 0m, loggedHours * 100m / budgetHours, null), []);

    private static BudgetBurnRule Rule(params ProjectFacts[] projects)
    {
        var services = new ServiceCollection().AddSingleton<IProjectFacts>(new Facts(projects)).BuildServiceProvider();
        var localizers = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new BudgetBurnRule(services, new StringLocalizer<UpsellResources>(localizers));
    }

    private sealed class Facts(IReadOnlyList<ProjectFacts> projects) : IProjectFacts
    {
        public Task<ProjectFacts?> GetAsync(long projectId, CancellationToken cancellationToken = default) => Task.FromResult(projects.FirstOrDefault(p => p.ProjectId == projectId));

        public Task<IReadOnlyList<ProjectFacts>> ListAsync(ProjectFactsQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ProjectFacts>>([.. projects.Where(p => query.Statuses is null || query.Statuses.Contains(p.Status))]);

        public Task<IReadOnlyDictionary<long, string>> GetNamesAsync(IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<long, string>>(projects.Where(p => projectIds.Contains(p.ProjectId)).ToDictionary(p => p.ProjectId, p => p.Name));

        public Task<IReadOnlyList<LoggedTime>> GetLoggedTimeAsync(LoggedTimeQuery query, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LoggedTime>>([]);

        public Task<IReadOnlyList<MonthlyHours>> GetMonthlyHoursAsync(MonthlyHoursQuery query, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<MonthlyHours>>([]);
    }
}
