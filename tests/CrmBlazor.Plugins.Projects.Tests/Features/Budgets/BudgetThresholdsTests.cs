using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Budgets;

public sealed class BudgetThresholdsTests
{
    private static BudgetReading Hours(decimal? budget, decimal used) => new(BudgetMeasure.Hours, budget, used);

    [Fact]
    public void Decide_ThresholdReachedAndNothingOnRecord_Publishes()
    {
        Assert.Equal(ThresholdAction.Publish, BudgetThresholds.Decide(Hours(100, 80), 80, crossingOnRecord: false));
    }

    [Fact]
    public void Decide_StillAboveWithCrossingOnRecord_DoesNothing()
    {
        Assert.Equal(ThresholdAction.None, BudgetThresholds.Decide(Hours(100, 95), 80, crossingOnRecord: true));
    }

    [Fact]
    public void Decide_BelowAgainAfterTheBudgetWasRaised_ClearsTheCrossing()
    {
        Assert.Equal(ThresholdAction.Clear, BudgetThresholds.Decide(Hours(200, 95), 80, crossingOnRecord: true));
    }

    [Fact]
    public void Decide_BelowWithNothingOnRecord_DoesNothing()
    {
        Assert.Equal(ThresholdAction.None, BudgetThresholds.Decide(Hours(100, 79.99m), 80, crossingOnRecord: false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Decide_WithoutABudget_NeverPublishes(int? budget)
    {
        Assert.Equal(ThresholdAction.None, BudgetThresholds.Decide(Hours(budget, 500), 80, crossingOnRecord: false));
    }

    [Fact]
    public void Decide_BudgetRemovedWithCrossingOnRecord_ClearsIt()
    {
        Assert.Equal(ThresholdAction.Clear, BudgetThresholds.Decide(Hours(null, 500), 100, crossingOnRecord: true));
    }

    [Fact]
    public void Decide_OneCrossingAfterAnother_PublishesOncePerCrossing()
    {
        // A budget of 10 hours, used up step by step, raised to 20, and used up again.
        var steps = new (decimal Budget, decimal Used)[] { (10, 5), (10, 8), (10, 9), (10, 8.5m), (20, 9), (20, 12), (20, 16), (20, 17) };
        var onRecord = false;
        var published = new List<int>();
        for (var i = 0; i < steps.Length; i++)
        {
            var action = BudgetThresholds.Decide(Hours(steps[i].Budget, steps[i].Used), 80, onRecord);
            if (action == ThresholdAction.Publish)
            {
                published.Add(i);
            }

            onRecord = action switch { ThresholdAction.Publish => true, ThresholdAction.Clear => false, _ => onRecord };
        }

        Assert.Equal([1, 6], published);
    }

    [Fact]
    public void Percent_UsedOfBudget_HasOneDecimal()
    {
        Assert.Equal(66.7m, BudgetBurn.Percent(40m, 60m));
        Assert.Null(BudgetBurn.Percent(40m, null));
        Assert.Null(BudgetBurn.Percent(40m, 0m));
    }
}
