using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>
/// The tabs other plugins added to the project page (<c>AddProjectTab</c>), for the page that shows
/// them: the projects plugin asks for the tabs of a project and renders each one's content in a tab
/// panel of its own, so that it never references the plugins that contribute them. Offered by the host.
/// </summary>
public interface IProjectTabs
{
    /// <summary>The tabs the signed-in user may see on a project's page (those whose permission they hold), in order.</summary>
    /// <param name="projectId">The project whose page shows them.</param>
    /// <param name="cancellationToken">Cancels the permission checks.</param>
    Task<IReadOnlyList<ContributedTab>> ForProjectAsync(long projectId, CancellationToken cancellationToken = default);
}

/// <summary>A tab another plugin contributed to a page, ready to render.</summary>
/// <param name="title">The title, already localised.</param>
/// <param name="testId">A stable id for the tab (<c>&lt;plugin id&gt;-&lt;component name&gt;</c>), for <c>data-testid</c>.</param>
/// <param name="content">The tab's component with its parameters, inside the host's error boundary.</param>
public sealed class ContributedTab(string title, string testId, RenderFragment content)
{
    /// <summary>The title, already localised.</summary>
    public string Title { get; } = title;

    /// <summary>A stable id for the tab (<c>&lt;plugin id&gt;-&lt;component name&gt;</c>), for <c>data-testid</c>.</summary>
    public string TestId { get; } = testId;

    /// <summary>The tab's component with its parameters, inside the host's error boundary (a failing tab does not take the page down).</summary>
    public RenderFragment Content { get; } = content;
}
