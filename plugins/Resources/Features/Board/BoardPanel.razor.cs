using CrmBlazor.Plugins.Resources.Features.Allocations;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Sdk.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>
/// The board's side panel: the selected weeks of a person and the allocations in the focused week,
/// with extend, move, split, edit and delete. Every action goes through <see cref="AllocationService"/>,
/// which checks on the server that the user may plan the person; one that takes the person above
/// capacity shows the figures and is saved only with <em>Save anyway</em>.
/// </summary>
public sealed partial class BoardPanel
{
    private ChangeResult? _result;
    private Func<bool, Task<ChangeResult>>? _confirm;
    private BoardSelection? _shownFor;

    [Inject]
    private AllocationService Allocations { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The board.</summary>
    [Parameter, EditorRequired]
    public BoardData Data { get; set; } = default!;

    /// <summary>The selected weeks, or null.</summary>
    [Parameter]
    public BoardSelection? Selection { get; set; }

    /// <summary>Called after a saved change, to reload the board.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <summary>Called to plan the selected weeks.</summary>
    [Parameter]
    public EventCallback<BoardSelection> OnPlan { get; set; }

    private BoardRow? Person => Selection is { } s && s.Row < Data.People.Count ? Data.People[s.Row] : null;

    private IsoWeek FocusWeek => Data.Weeks[Selection!.Focus];

    private DateOnly SelectionEnd => Data.Weeks[Selection!.Last].Sunday;

    private List<BoardAllocation> Here => [.. Data.AllocationsIn(Person!.PersonId, FocusWeek)];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // Another selection starts without the last action's outcome.
        if (Selection != _shownFor)
        {
            _shownFor = Selection;
            _result = null;
            _confirm = null;
        }
    }

    private string WeeksText(BoardSelection selection)
    {
        var first = Data.Weeks[selection.First];
        var last = Data.Weeks[selection.Last];
        return selection.Count == 1
            ? L["Week {0}: {1} – {2}", first.Week, Show.Date(first.Monday), Show.Date(first.Sunday)]
            : L["Weeks {0} to {1}: {2} – {3}", first.Week, last.Week, Show.Date(first.Monday), Show.Date(last.Sunday)];
    }

    private async Task RunAsync(Func<bool, Task<ChangeResult>> action, bool confirmed = false)
    {
        _result = await action(confirmed);
        _confirm = _result.For(nameof(AllocationInput.ConfirmOverallocation)).Count > 0 ? action : null;
        if (_result.Succeeded)
        {
            await Changed.InvokeAsync();
        }
    }

    private Task ConfirmAsync() => _confirm is { } action ? RunAsync(action, confirmed: true) : Task.CompletedTask;

    private async Task EditAsync(BoardAllocation allocation)
    {
        var existing = new AllocationRow(allocation.Id, allocation.PersonId, Person!.Name, allocation.ProjectId, allocation.StartDate, allocation.EndDate,
            allocation.Unit, allocation.Hours, allocation.IsTentative, allocation.Note, allocation.RowVersion);
        var parameters = new DialogParameters<AllocationDialog> { { d => d.Existing, existing } };
        var dialog = await Dialogs.ShowAsync<AllocationDialog>(L["Change the allocation"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            await Changed.InvokeAsync();
        }
    }

    private async Task DeleteAsync(BoardAllocation allocation)
    {
        if (await Dialogs.ConfirmAsync(L["Delete the allocation"], L["Delete {0} from {1} to {2}?", allocation.ProjectName, Show.Date(allocation.StartDate), Show.Date(allocation.EndDate)], L["Delete"], L["Cancel"], destructive: true))
        {
            await RunAsync(_ => Allocations.DeleteAsync(allocation.Id, allocation.RowVersion));
        }
    }
}
