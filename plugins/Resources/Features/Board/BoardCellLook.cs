using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>How full a person's week is, as the board colours it (and says in words).</summary>
public enum BoardLoad
{
    /// <summary>Capacity and nothing planned.</summary>
    Free,

    /// <summary>Some of the capacity planned.</summary>
    Partly,

    /// <summary>Exactly the capacity planned (in whole minutes).</summary>
    Full,

    /// <summary>More planned than the capacity, or anything planned in a week without capacity.</summary>
    Over,

    /// <summary>No capacity and nothing planned: time off, holidays, or no schedule yet.</summary>
    Off,
}

/// <summary>The look of a board cell: its load, from the week's figures.</summary>
public static class BoardCellLook
{
    /// <summary>The load of a week.</summary>
    /// <param name="week">The person's week.</param>
    public static BoardLoad LoadOf(WeekLoad week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var allocated = Math.Round(week.AllocatedMinutes);
        var capacity = Math.Round(week.CapacityMinutes);
        if (capacity <= 0)
        {
            return allocated > 0 ? BoardLoad.Over : BoardLoad.Off;
        }

        return allocated > capacity ? BoardLoad.Over
            : allocated == capacity ? BoardLoad.Full
            : allocated > 0 ? BoardLoad.Partly
            : BoardLoad.Free;
    }

    /// <summary>The cell's CSS class for a load.</summary>
    /// <param name="load">The load.</param>
    public static string CssClass(BoardLoad load) => load switch
    {
        BoardLoad.Free => "board-free",
        BoardLoad.Partly => "board-partly",
        BoardLoad.Full => "board-full",
        BoardLoad.Over => "board-over",
        _ => "board-off",
    };
}
