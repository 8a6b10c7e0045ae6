using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Formatting;

namespace CrmBlazor.Plugins.Projects.Features.Budgets;

/// <summary>What a burn bar says: what was used of a budget, in the user's culture.</summary>
public static class BurnText
{
    /// <summary>"used / budget" for hours.</summary>
    /// <param name="used">Hours used.</param>
    /// <param name="budget">Budget hours, or null.</param>
    public static string HoursOf(decimal used, decimal? budget) =>
        budget is { } b ? $"{HoursText.Format(used)} / {HoursText.Format(b)} h" : $"{HoursText.Format(used)} h";

    /// <summary>"used / budget" for money.</summary>
    /// <param name="used">Amount used.</param>
    /// <param name="budget">Budget amount, or null.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    public static string AmountOf(decimal used, decimal? budget, string currency) =>
        budget is { } b ? $"{MoneyFormat.Format(used, currency)} / {MoneyFormat.Format(b, currency)}" : MoneyFormat.Format(used, currency);
}
