using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Projects.Tests.Resources;

/// <summary>The projects plugin's resources (see <see cref="PluginResourceTests"/>), and the names of its statuses and billing modes.</summary>
public sealed class ProjectsResourcesTests() : PluginResourceTests("Projects", "ProjectsResources", "My time", "Hours cannot be negative.", "Enter the project's name.")
{
    /// <inheritdoc />
    protected override IEnumerable<DynamicText> DynamicTexts =>
    [
        new(@"ProjectStatuses\.Title\([\w.]+\)", TitlesOf(typeof(CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses))),
        new(@"ProjectStatuses\.Action\([\w.]+, \w+\)", Enum.GetValues<CrmBlazor.Sdk.Projects.ProjectStatus>()
            .SelectMany(from => CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Next(from).Select(to => CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Action(from, to)))),
    ];

    [Fact]
    public void StatusAndBillingNames_AllHaveAResource()
    {
        var names = Enum.GetValues<CrmBlazor.Sdk.Projects.ProjectStatus>().Select(CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Title)
            .Concat(Enum.GetValues<CrmBlazor.Sdk.Projects.BillingMode>().Select(CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Title));

        var missing = names.Where(name => !HasResource(name)).ToList();

        Assert.Empty(missing);
    }
}
