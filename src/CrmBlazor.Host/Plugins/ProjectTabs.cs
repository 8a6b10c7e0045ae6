using CrmBlazor.Host.Components.Shared;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// The host's <see cref="IProjectTabs"/>: the project-page tabs of the active plugins, those whose
/// permission the signed-in user holds, titled through their owner's resources and rendered inside
/// the host's error boundary, as the customer page renders its tabs.
/// </summary>
internal sealed class ProjectTabs(PluginCatalog catalog, ICurrentUser user, IStringLocalizerFactory localizers) : IProjectTabs
{
    public async Task<IReadOnlyList<ContributedTab>> ForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        var tabs = new List<ContributedTab>();
        foreach (var tab in catalog.ProjectTabs)
        {
            if (tab.Permission is not null && !await user.HasPermissionAsync(tab.Permission, cancellationToken))
            {
                continue;
            }

            var title = catalog.LocalizerFor(tab.OwnerId, localizers)?[tab.Title].Value ?? tab.Title;
            tabs.Add(new ContributedTab(title, tab.OwnerId + "-" + tab.ComponentType.Name, Render(tab.ComponentType, projectId)));
        }

        return tabs;
    }

    private static RenderFragment Render(Type component, long projectId) => builder =>
    {
        builder.OpenComponent<CrmErrorBoundary>(0);
        builder.AddComponentParameter(1, nameof(CrmErrorBoundary.ChildContent), (RenderFragment)(inner =>
        {
            inner.OpenComponent(0, component);
            inner.AddComponentParameter(1, nameof(ProjectTabBase.ProjectId), projectId);
            inner.CloseComponent();
        }));
        builder.CloseComponent();
    };
}
