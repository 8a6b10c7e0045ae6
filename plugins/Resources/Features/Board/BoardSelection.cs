namespace CrmBlazor.Plugins.Resources.Features.Board;

/// <summary>The weeks selected in one person's row of the board: where the selection started and where it ends (the focused week).</summary>
/// <param name="Row">The person's row, from 0 in board order.</param>
/// <param name="Anchor">The week the selection started at (its column, from 0).</param>
/// <param name="Focus">The week the focus is on.</param>
public sealed record BoardSelection(int Row, int Anchor, int Focus)
{
    /// <summary>The first week selected.</summary>
    public int First => Math.Min(Anchor, Focus);

    /// <summary>The last week selected.</summary>
    public int Last => Math.Max(Anchor, Focus);

    /// <summary>How many weeks are selected.</summary>
    public int Count => Last - First + 1;

    /// <summary>Whether a week of a row is selected.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The week's column.</param>
    public bool Holds(int row, int column) => row == Row && column >= First && column <= Last;
}
