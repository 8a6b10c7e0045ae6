using CrmBlazor.Plugins.Resources.Features.Board;
using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Board;

/// <summary>The weeks selected in a row, whichever way the selection was widened, and the lines of the board.</summary>
public sealed class BoardSelectionTests
{
    [Fact]
    public void Selection_WidenedBackwards_HoldsTheWeeksBetweenFocusAndAnchor()
    {
        var selection = new BoardSelection(Row: 2, Anchor: 5, Focus: 2);

        Assert.Equal((2, 5, 4), (selection.First, selection.Last, selection.Count));
        Assert.True(selection.Holds(2, 3));
        Assert.False(selection.Holds(2, 6));
        Assert.False(selection.Holds(1, 3));
    }

    [Fact]
    public void Lines_GroupPeopleByTeam_WithAHeadingBeforeEachTeam()
    {
        BoardRow Person(long id, long? team, string? teamName) => new(id, "P" + id, team, teamName, false, true, Array.Empty<WeekLoad>(), null);

        var lines = BoardLine.Of([Person(1, 7, "Design"), Person(2, 7, "Design"), Person(3, null, null)]);

        Assert.Equal(
            new (string?, long?, int)[] { ("Design", null, -1), ("Design", 1, 0), ("Design", 2, 1), (null, null, -1), (null, 3, 2) },
            lines.Select(l => (l.Team, l.Person?.PersonId, l.Row)));
        Assert.Equal(Enumerable.Range(0, 5), lines.Select(l => l.Index));
    }
}
