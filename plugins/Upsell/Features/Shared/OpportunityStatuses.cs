using CrmBlazor.Plugins.Upsell.Data;

namespace CrmBlazor.Plugins.Upsell.Features.Shared;

/// <summary>The English names of stages and closures, the keys of their translations.</summary>
public static class OpportunityStatuses
{
    /// <summary>A stage's name.</summary>
    /// <param name="stage">The stage.</param>
    public static string Title(OpportunityStage stage) => stage switch
    {
        OpportunityStage.New => "New",
        OpportunityStage.Contacted => "Contacted",
        OpportunityStage.Proposal => "Proposal",
        OpportunityStage.Won => "Won",
        OpportunityStage.Lost => "Lost",
        _ => "Dismissed",
    };

    /// <summary>Why an opportunity was closed, in words.</summary>
    /// <param name="closure">The closure.</param>
    public static string Closure(OpportunityClosure closure) => closure switch
    {
        OpportunityClosure.Won => "Won by a user",
        OpportunityClosure.Lost => "Lost",
        OpportunityClosure.Dismissed => "Dismissed by a user",
        _ => "Resolved: the rule no longer finds it",
    };
}
