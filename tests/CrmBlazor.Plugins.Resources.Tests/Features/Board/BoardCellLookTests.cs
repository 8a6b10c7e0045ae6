using CrmBlazor.Plugins.Resources.Features.Board;
using CrmBlazor.Plugins.Resources.Features.Capacity;

namespace CrmBlazor.Plugins.Resources.Tests.Features.Board;

/// <summary>How full a week looks on the board, from its capacity and the hours planned (whole minutes compared).</summary>
public sealed class BoardCellLookTests
{
    private static readonly IsoWeek Week49 = new(2026, 49);

    [Theory]
    [InlineData(2250, 0, 0, BoardLoad.Free)]
    [InlineData(2250, 0, 1800, BoardLoad.Partly)]
    [InlineData(2250, 0, 2250.4, BoardLoad.Full)]
    [InlineData(2250, 0, 2760, BoardLoad.Over)]
    [InlineData(2250, 2250, 0, BoardLoad.Off)]
    [InlineData(2250, 2250, 600, BoardLoad.Over)]
    [InlineData(0, 0, 0, BoardLoad.Off)]
    public void LoadOf_AWeek_FollowsPlannedAgainstCapacity(double scheduled, double away, double allocated, BoardLoad expected)
    {
        var week = new WeekLoad(Week49, (decimal)scheduled, (decimal)away, (decimal)(scheduled - away), (decimal)allocated, 0);

        Assert.Equal(expected, BoardCellLook.LoadOf(week));
    }

    [Fact]
    public void CssClass_IsOnePerLoad()
    {
        var classes = Enum.GetValues<BoardLoad>().Select(BoardCellLook.CssClass).ToList();

        Assert.Equal(classes.Count, classes.Distinct().Count());
    }
}
