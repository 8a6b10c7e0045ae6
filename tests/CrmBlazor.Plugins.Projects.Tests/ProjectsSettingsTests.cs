using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Projects.Tests;

public sealed class ProjectsSettingsTests
{
    [Fact]
    public void Thresholds_ByDefault_Are80And100()
    {
        Assert.Equal([80, 100], new ProjectsSettings().Thresholds);
    }

    [Fact]
    public void Thresholds_AsConfigured_AreAscendingWithoutRepeats()
    {
        Assert.Equal([50, 90, 120], new ProjectsSettings { BudgetThresholds = " 90, 50,120,90 " }.Thresholds);
    }

    [Fact]
    public void Thresholds_Empty_MeanNoThresholdEvents()
    {
        var settings = new ProjectsSettings { BudgetThresholds = "" };

        Assert.Empty(settings.Thresholds);
        Assert.Empty(Errors(settings));
    }

    [Theory]
    [InlineData("80;100")]
    [InlineData("eighty")]
    [InlineData("0,100")]
    [InlineData("80,1001")]
    [InlineData("80.5")]
    public void Validate_ThresholdsThatAreNoPercentages_AreRefusedWithTheSettingsName(string value)
    {
        var error = Assert.Single(Errors(new ProjectsSettings { BudgetThresholds = value }));

        Assert.Equal([nameof(ProjectsSettings.BudgetThresholds)], error.MemberNames);
        Assert.StartsWith("BudgetThresholds must be whole percentages", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static List<ValidationResult> Errors(ProjectsSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results;
    }
}
