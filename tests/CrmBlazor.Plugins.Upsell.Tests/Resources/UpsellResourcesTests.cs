using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Upsell.Tests.Resources;

/// <summary>The upsell detection plugin's resources (see <see cref="PluginResourceTests"/>).</summary>
public sealed class UpsellResourcesTests() : PluginResourceTests("Upsell", "UpsellResources", "Budget burn", "Budget {0}, {1} logged ({2} %) on {3}; threshold {4} %", "Say why the opportunity is dismissed.")
{
    /// <inheritdoc />
    protected override IEnumerable<DynamicText> DynamicTexts =>
    [
        new(@"OpportunityStatuses\.(?:Title|Closure)\([\w.!]+\)", TitlesOf(typeof(CrmBlazor.Plugins.Upsell.Features.Shared.OpportunityStatuses))),
    ];
}
