using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Testing.Forms;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Shared;

/// <summary>
/// Every text field of the plugin stops where its validation does, no limit is longer than the circuit
/// carries, and hours read back as people typed them.
/// </summary>
public sealed class TextFieldLimitTests
{
    [Fact]
    public void TextFields_OfEveryPage_TakeTheirModelsLimit()
    {
        Assert.Empty(TextFieldLimits.FieldsWithoutTheirLimit(Path.Combine(ResourceTranslation.RepositoryRoot(), "plugins", "Resources")));
    }

    [Fact]
    public void ModelLimits_FitTheLongestTextTheCircuitCarries()
    {
        var assembly = typeof(ResourcesPlugin).Assembly;

        Assert.NotEqual(0, TextFieldLimits.LimitedProperties(assembly));
        Assert.Empty(TextFieldLimits.LimitsLongerThanTheCircuitCarries(assembly));
    }

    [Theory]
    [InlineData(37.5, 2250)]
    [InlineData(0.25, 15)]
    [InlineData(7.99, 479)]
    public void Hours_AsTyped_AreStoredAsWholeMinutes(decimal hours, int minutes)
    {
        Assert.Equal(minutes, Hours.ToMinutes(hours));
    }

    [Fact]
    public void Hours_ReadBack_HaveNoTrailingZeros()
    {
        Assert.Equal(("46", "37.5"), (Hours.FromMinutes(2760).ToString(System.Globalization.CultureInfo.InvariantCulture), Hours.FromMinutes(2250).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
