using System.Text;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>
/// The planning board's grid: people as rows grouped by team, weeks as columns, each cell showing
/// hours planned and capacity in text and coloured by utilisation. An ARIA grid with one tab stop
/// (the focused week); <c>wwwroot/board.js</c> moves the focus and tells <see cref="Select"/> and
/// <see cref="Plan"/> what the user did.
/// </summary>
public sealed partial class BoardGrid : IAsyncDisposable
{
    /// <summary>The height of every row in pixels (the rows are virtualised, so it is fixed).</summary>
    public const int RowHeight = 52;

    private List<BoardLine> _lines = [];
    private BoardData? _linesOf;
    private ElementReference _element;
    private IJSObjectReference? _keys;
    private DotNetObjectReference<BoardGrid>? _self;
    private bool _attached;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The board.</summary>
    [Parameter, EditorRequired]
    public BoardData Data { get; set; } = default!;

    /// <summary>The selected weeks, or null.</summary>
    [Parameter]
    public BoardSelection? Selection { get; set; }

    /// <summary>The project of the project view (cells lead with its hours), or null.</summary>
    [Parameter]
    public long? ProjectId { get; set; }

    /// <summary>The current week, marked in the header.</summary>
    [Parameter]
    public IsoWeek ThisWeek { get; set; }

    /// <summary>The id of the element that names the grid.</summary>
    [Parameter, EditorRequired]
    public string LabelledBy { get; set; } = default!;

    /// <summary>Called when the selection changes.</summary>
    [Parameter]
    public EventCallback<BoardSelection> SelectionChanged { get; set; }

    /// <summary>Called when the user plans the selection (Enter, a double click, the end of a drag).</summary>
    [Parameter]
    public EventCallback<BoardSelection> OnPlan { get; set; }

    /// <summary>Selects weeks of a row (from board.js).</summary>
    /// <param name="row">The row.</param>
    /// <param name="anchor">The week the selection started at.</param>
    /// <param name="focus">The focused week.</param>
    [JSInvokable]
    public Task Select(int row, int anchor, int focus) => SelectionChanged.InvokeAsync(Clamp(row, anchor, focus));

    /// <summary>Plans the selected weeks of a row (from board.js).</summary>
    /// <param name="row">The row.</param>
    /// <param name="anchor">The week the selection started at.</param>
    /// <param name="focus">The focused week.</param>
    [JSInvokable]
    public async Task Plan(int row, int anchor, int focus)
    {
        var selection = Clamp(row, anchor, focus);
        await SelectionChanged.InvokeAsync(selection);
        await OnPlan.InvokeAsync(selection);
    }

    /// <summary>Puts the focus back on the selected week (after a dialog).</summary>
    public async Task FocusAsync()
    {
        if (_keys is not null)
        {
            await _keys.InvokeVoidAsync("focusSelected", _element);
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_linesOf, Data))
        {
            _lines = BoardLine.Of(Data.People);
            _linesOf = Data;
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_attached)
        {
            _self ??= DotNetObjectReference.Create(this);
            _keys ??= await JS.InvokeAsync<IJSObjectReference>("import", "/_content/CrmBlazor.Plugins.Resources/board.js");
            await _keys.InvokeVoidAsync("attach", _element, _self);
            _attached = true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_keys is not null)
        {
            try
            {
                await _keys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }

        _self?.Dispose();
    }

    private BoardSelection? Clamp(int row, int anchor, int focus)
    {
        var last = Data.Weeks.Count - 1;
        return row < 0 || row >= Data.People.Count ? Selection! : new BoardSelection(row, Math.Clamp(anchor, 0, last), Math.Clamp(focus, 0, last));
    }

    private bool IsCursor(int row, int column) =>
        Selection is { } s ? s.Row == row && s.Focus == column : row == 0 && column == 0;

    private static string CellClass(BoardLoad load, WeekLoad week, bool selected)
    {
        var css = new StringBuilder("board-cell ").Append(BoardCellLook.CssClass(load));
        if (week.AwayMinutes > 0)
        {
            css.Append(" board-away");
        }

        if (week.TentativeMinutes > 0)
        {
            css.Append(" board-tentative");
        }

        if (selected)
        {
            css.Append(" board-selected");
        }

        return css.ToString();
    }

    private string MainText(BoardRow person, WeekLoad week, int column)
    {
        if (person.ProjectMinutes is { } project)
        {
            return L["{0} h", Show.Number(Hours.FromMinutes(project[column]))];
        }

        return week.CapacityMinutes <= 0 && week.AllocatedMinutes <= 0
            ? "–"
            : Fraction(week);
    }

    private string Detail(WeekLoad week, BoardLoad load)
    {
        if (ProjectId is not null)
        {
            return Fraction(week);
        }

        return load switch
        {
            BoardLoad.Over => L["{0} h over", Show.Number(Hours.FromMinutes(week.AllocatedMinutes - week.CapacityMinutes))],
            BoardLoad.Off => week.AwayMinutes > 0 ? L["Away"] : L["No hours"],
            _ when week.AwayMinutes > 0 => L["{0} h away", Show.Number(Hours.FromMinutes(week.AwayMinutes))],
            BoardLoad.Free => L["Free"],
            BoardLoad.Full => L["Full"],
            _ => Percent(week),
        };
    }

    // Numbers only, in the order the page's direction reads them: planned, then capacity.
    private string Fraction(WeekLoad week) =>
        Show.Number(Hours.FromMinutes(week.AllocatedMinutes)) + " / " + Show.Number(Hours.FromMinutes(week.CapacityMinutes));

    private static string Percent(WeekLoad week) =>
        week.Utilisation is { } u ? (u).ToString("P0", System.Globalization.CultureInfo.CurrentCulture) : string.Empty;

    // What a screen reader hears after the cell's visible text (its accessible name is its content).
    private string CellDetails(BoardRow person, WeekLoad week, int column, BoardLoad load)
    {
        var parts = new List<string>
        {
            L["{0} h planned of {1} h", Show.Number(Hours.FromMinutes(week.AllocatedMinutes)), Show.Number(Hours.FromMinutes(week.CapacityMinutes))],
        };
        if (person.ProjectMinutes is { } project)
        {
            parts.Add(L["{0} h on this project", Show.Number(Hours.FromMinutes(project[column]))]);
        }

        parts.Add(load switch
        {
            BoardLoad.Over => L["Above capacity"],
            BoardLoad.Full => L["Fully planned"],
            BoardLoad.Partly => L["Partly planned"],
            BoardLoad.Free => L["Free"],
            _ => L["No hours"],
        });
        if (week.AwayMinutes > 0)
        {
            parts.Add(L["{0} h away", Show.Number(Hours.FromMinutes(week.AwayMinutes))]);
        }

        if (week.TentativeMinutes > 0)
        {
            parts.Add(L["{0} h tentative", Show.Number(Hours.FromMinutes(week.TentativeMinutes))]);
        }

        return ", " + string.Join(", ", parts);
    }
}

/// <summary>A line of the board: a team's heading or a person's row.</summary>
/// <param name="Index">The line's place, from 0.</param>
/// <param name="Team">The team's name (a heading; null for people without a team).</param>
/// <param name="Person">The person, or null for a heading.</param>
/// <param name="Row">The person's row, from 0 (headings do not count).</param>
internal sealed record BoardLine(int Index, string? Team, BoardRow? Person, int Row)
{
    public static List<BoardLine> Of(IReadOnlyList<BoardRow> people)
    {
        var lines = new List<BoardLine>();
        for (var row = 0; row < people.Count; row++)
        {
            var person = people[row];
            if (row == 0 || people[row - 1].TeamId != person.TeamId)
            {
                lines.Add(new BoardLine(lines.Count, person.TeamName, null, -1));
            }

            lines.Add(new BoardLine(lines.Count, person.TeamName, person, row));
        }

        return lines;
    }
}
