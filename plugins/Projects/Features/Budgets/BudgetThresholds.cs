using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Features.Budgets;

/// <summary>A threshold reading: what a project's budget and use are for one measure.</summary>
/// <param name="Measure">Hours or money.</param>
/// <param name="Budget">The budget, or null when there is none.</param>
/// <param name="Used">What was used.</param>
public sealed record BudgetReading(BudgetMeasure Measure, decimal? Budget, decimal Used)
{
    /// <summary>Whether the use has reached a threshold of the budget (never without a positive budget).</summary>
    /// <param name="thresholdPercent">The threshold, in percent.</param>
    public bool HasReached(int thresholdPercent) => Budget is > 0 && Used * 100m >= Budget.Value * thresholdPercent;
}

/// <summary>What to do about one threshold of one measure, given whether a crossing is on record.</summary>
public enum ThresholdAction
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Newly crossed: record it and publish the event.</summary>
    Publish,

    /// <summary>No longer crossed (the budget was raised): clear the record, so that the next crossing is reported.</summary>
    Clear,
}

/// <summary>The rule of "once per crossing", apart from storage, so that it can be read and tested on its own.</summary>
public static class BudgetThresholds
{
    /// <summary>Decides what to do about a threshold.</summary>
    /// <param name="reading">The budget and use now.</param>
    /// <param name="thresholdPercent">The threshold.</param>
    /// <param name="crossingOnRecord">Whether an uncleared crossing of it is stored.</param>
    public static ThresholdAction Decide(BudgetReading reading, int thresholdPercent, bool crossingOnRecord)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var reached = reading.HasReached(thresholdPercent);
        return (reached, crossingOnRecord) switch
        {
            (true, false) => ThresholdAction.Publish,
            (false, true) => ThresholdAction.Clear,
            _ => ThresholdAction.None,
        };
    }
}
