using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Projects;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>
/// A project: status and its actions, budget burn and the thresholds reached, and tabs with the time
/// logged, the people (hours and own rates), tasks and milestones, then the tabs other plugins add
/// (<see cref="IProjectTabs"/>), such as the resource plugin's team.
/// </summary>
public partial class ProjectPage
{
    private ProjectDetail? _detail;
    private ChangeResult? _result;
    private bool _missing;
    private bool _canManage;
    private int _version;
    private IReadOnlyList<ContributedTab> _contributedTabs = [];

    [Inject]
    private ProjectQueries Queries { get; set; } = default!;

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private ProjectAccess Access { get; set; } = default!;

    [Inject]
    private IProjectTabs ContributedTabs { get; set; } = default!;

    /// <summary>The project.</summary>
    [Parameter]
    public long Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _canManage = await Access.CanManageAsync();
        _contributedTabs = await ContributedTabs.ForProjectAsync(Id);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _detail = await Queries.GetAsync(Id);
        _missing = _detail is null;
        _version++;
    }

    private async Task ChangeStatusAsync(ProjectStatus status)
    {
        _result = await Projects.ChangeStatusAsync(Id, status, _detail!.Project.RowVersion);
        await ReloadAsync();
    }

    private string PersonName(string? userId) =>
        userId is null ? "–" : _detail!.People.TryGetValue(userId, out var person) ? person.Name : userId;
}
