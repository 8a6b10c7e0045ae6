using System.Globalization;
using CrmBlazor.Plugins.Resources.Features.Allocations;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.People;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Projects;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>
/// The planning board (<c>/resources/board?from=2026-12-07&amp;weeks=12&amp;team=3&amp;skill=Kotlin&amp;level=3&amp;project=42</c>):
/// the people the user may see as rows grouped by team, weeks as columns from the week of <c>from</c>
/// (this week if absent). With <c>project</c> it is the project view: the people on that project and its hours
/// per week. Planning goes through <see cref="AllocationService"/>; after a change only the data is reloaded.
/// </summary>
public sealed partial class BoardPage
{
    private static readonly int[] WeekChoices = [4, 8, 12, 26, 52];

    private AddressQuery _address = new();
    private BoardData? _data;
    private BoardSelection? _selection;
    private BoardGrid? _grid;
    private IReadOnlyList<TeamRow> _teams = [];
    private IReadOnlyList<string> _skills = [];
    private string? _projectName;
    private DateOnly _from;
    private int _weeks = BoardQuery.DefaultWeeks;
    private long? _teamId;
    private string? _skill;
    private int _level = 1;
    private long? _projectId;

    [Inject]
    private BoardService Board { get; set; } = default!;

    [Inject]
    private TeamService Teams { get; set; } = default!;

    [Inject]
    private PersonService People { get; set; } = default!;

    [Inject]
    private IProjectFacts Projects { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>A day of the first week (<c>?from=2026-12-07</c>); this week if absent.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>How many weeks (<c>?weeks=</c> 4, 8, 12, 26 or 52); 12 if absent.</summary>
    [SupplyParameterFromQuery(Name = "weeks")]
    public string? Weeks { get; set; }

    /// <summary>Only this team's people (<c>?team=</c>).</summary>
    [SupplyParameterFromQuery(Name = "team")]
    public string? Team { get; set; }

    /// <summary>Only people with this skill (<c>?skill=</c>).</summary>
    [SupplyParameterFromQuery(Name = "skill")]
    public string? Skill { get; set; }

    /// <summary>With a skill, its lowest level (<c>?level=</c> 1 to 5).</summary>
    [SupplyParameterFromQuery(Name = "level")]
    public string? Level { get; set; }

    /// <summary>The project view (<c>?project=</c>): who is on the project, with its hours per week.</summary>
    [SupplyParameterFromQuery(Name = "project")]
    public string? Project { get; set; }

    private static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    private DateOnly Today => Show.Day(Clock.GetUtcNow());

    private IsoWeek ThisWeek => IsoWeek.Of(Today);

    private DateOnly ThisMonday => ThisWeek.Monday;

    // The arrows move by a third of the weeks shown (at least one), so that some weeks stay in view.
    private int Step => Math.Max(1, _weeks / 3);

    private string Title => _projectName is { } name ? L["Planning board: {0}", name] : L["Planning board"];

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _address = new AddressQuery();
        _from = IsoWeek.Of(_address.Day("from", From, new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31)) ?? Today).Monday;
        _weeks = int.Parse(_address.Choice("weeks", Weeks, WeekChoices.Select(w => w.ToString(CultureInfo.InvariantCulture))) ?? "12", CultureInfo.InvariantCulture);
        _teamId = _address.Id("team", Team);
        _skill = _address.Text("skill", Skill, 100);
        _level = int.Parse(_address.Choice("level", Level, ["1", "2", "3", "4", "5"]) ?? "1", CultureInfo.InvariantCulture);
        _projectId = _address.Id("project", Project);
        _projectName = _projectId is { } id ? (await Projects.GetAsync(id))?.Name : null;
        _teams = await Teams.ListAsync();
        _skills = [.. (await People.ListAsync()).SelectMany(p => p.Skills.Select(s => s.Skill)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture)];
        _selection = null;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _data = await Board.LoadAsync(new BoardQuery(_from, _weeks, _teamId, _skill, _level, _projectId));

    private Task SelectAsync(BoardSelection selection)
    {
        _selection = selection;
        return Task.CompletedTask;
    }

    private async Task ChangedAsync()
    {
        await LoadAsync();
        StateHasChanged();
        if (_grid is not null)
        {
            await _grid.FocusAsync();
        }
    }

    private async Task PlanAsync(BoardSelection selection)
    {
        if (_data is null || _data.People[selection.Row] is not { CanPlan: true } person)
        {
            return;
        }

        var parameters = new DialogParameters<AllocationDialog>
        {
            { d => d.ProjectId, _projectId },
            { d => d.PersonId, person.PersonId },
            { d => d.StartDate, _data.Weeks[selection.First].Monday },
            { d => d.EndDate, _data.Weeks[selection.Last].Sunday },
        };
        var dialog = await Dialogs.ShowAsync<AllocationDialog>(L["Add an allocation"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ChangedAsync();
        }
        else if (_grid is not null)
        {
            await _grid.FocusAsync();
        }
    }

    private void Go(DateOnly? from = null, int? days = null, int? weeks = null, long? team = null, string? skill = null, int? level = null, long? project = null)
    {
        var start = days is { } d ? _from.AddDays(d) : from ?? _from;
        var skillValue = skill is null ? _skill : skill.Length == 0 ? null : skill;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = start == ThisMonday ? null : start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["weeks"] = (weeks ?? _weeks) == BoardQuery.DefaultWeeks ? null : (weeks ?? _weeks).ToString(CultureInfo.InvariantCulture),
            ["team"] = (team ?? _teamId) is { } t and > 0 ? t.ToString(CultureInfo.InvariantCulture) : null,
            ["skill"] = skillValue,
            ["level"] = skillValue is not null && (level ?? _level) > 1 ? (level ?? _level).ToString(CultureInfo.InvariantCulture) : null,
            ["project"] = (project ?? _projectId) is { } p and > 0 ? p.ToString(CultureInfo.InvariantCulture) : null,
        }));
    }
}
