using CrmBlazor.Testing.Forms;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Shared;

/// <summary>
/// Every text field of the plugin stops where its validation does (its model's limit, through
/// <c>InputLimits.Of</c>), and no limit is longer than the circuit carries: a longer value would be
/// lost on the way and the form would still say "saved".
/// </summary>
public sealed class TextFieldLimitTests
{
    [Fact]
    public void TextFields_OfEveryPage_TakeTheirModelsLimit()
    {
        Assert.Empty(TextFieldLimits.FieldsWithoutTheirLimit(Path.Combine(ResourceTranslation.RepositoryRoot(), "plugins", "Invoicing")));
    }

    [Fact]
    public void ModelLimits_FitTheLongestTextTheCircuitCarries()
    {
        var assembly = typeof(InvoicingPlugin).Assembly;

        Assert.NotEqual(0, TextFieldLimits.LimitedProperties(assembly));
        Assert.Empty(TextFieldLimits.LimitsLongerThanTheCircuitCarries(assembly));
    }
}
