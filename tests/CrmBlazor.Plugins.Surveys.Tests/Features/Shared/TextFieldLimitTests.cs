using CrmBlazor.Testing.Forms;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Surveys.Tests.Features.Shared;

/// <summary>Every text field of the plugin stops where its validation does, and no limit is longer than the circuit carries.</summary>
public sealed class TextFieldLimitTests
{
    [Fact]
    public void TextFields_OfEveryPage_TakeTheirModelsLimit()
    {
        Assert.Empty(TextFieldLimits.FieldsWithoutTheirLimit(Path.Combine(ResourceTranslation.RepositoryRoot(), "plugins", "Surveys")));
    }

    [Fact]
    public void ModelLimits_FitTheLongestTextTheCircuitCarries()
    {
        var assembly = typeof(SurveysPlugin).Assembly;

        Assert.NotEqual(0, TextFieldLimits.LimitedProperties(assembly));
        Assert.Empty(TextFieldLimits.LimitsLongerThanTheCircuitCarries(assembly));
    }
}
