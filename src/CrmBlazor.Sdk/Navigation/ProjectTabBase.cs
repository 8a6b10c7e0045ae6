using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>Base class of a tab that a plugin adds to the project page (registered with <c>AddProjectTab</c>).</summary>
/// <remarks>
/// The projects plugin renders the tab through <see cref="IProjectTabs"/> on the page of an existing
/// project, for users who may see projects and hold the tab's own permission, if it was registered
/// with one. A tab that changes data must still check its own permission on the server when it acts.
/// </remarks>
public abstract class ProjectTabBase : ComponentBase
{
    /// <summary>The id of the project whose page shows the tab.</summary>
    [Parameter, EditorRequired]
    public long ProjectId { get; set; }
}
