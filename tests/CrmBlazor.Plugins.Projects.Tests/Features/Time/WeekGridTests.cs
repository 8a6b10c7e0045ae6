using CrmBlazor.Plugins.Projects.Features.Time;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Time;

public sealed class WeekGridTests
{
    [Fact]
    public void Label_WeekWithinAYear_NamesTheYearOnce()
    {
        Assert.Equal("2 Mar – 8 Mar 2026", WeekGrid.Label(new DateOnly(2026, 3, 2), System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void Label_WeekSpanningNewYear_NamesBothYears()
    {
        Assert.Equal("29 Dec 2025 – 4 Jan 2026", WeekGrid.Label(new DateOnly(2025, 12, 29), System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void Changes_UntouchedWeek_AreNone()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480, 450)));

        Assert.False(grid.HasChanges);
        Assert.Empty(grid.Changes());
    }

    [Fact]
    public void Changes_TypedCells_AreSentWithTheEntryTheyShowed()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480, 450)));
        grid.Rows[0].Cells[1].Text = "7:00";
        grid.Rows[0].Cells[2].Text = "6.5";

        var changes = grid.Changes();

        Assert.Collection(changes,
            c => Assert.Equal((A.Monday.AddDays(1), 420, (long?)101), (c.Date, c.Minutes, c.EntryId)),
            c => Assert.Equal((A.Monday.AddDays(2), 390, (long?)null), (c.Date, c.Minutes, c.EntryId)));
    }

    [Fact]
    public void Changes_EmptiedCell_IsSentAsZeroMinutes()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480)));
        grid.Rows[0].Cells[0].Text = "";

        Assert.Equal(0, Assert.Single(grid.Changes()).Minutes);
    }

    [Fact]
    public void Changes_SameHoursWrittenDifferently_AreNoChange()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 450)));
        grid.Rows[0].Cells[0].Text = "7:30";

        Assert.Empty(grid.Changes());
    }

    [Fact]
    public void Changes_TextThatIsNoDuration_IsNotSentAndTheCellSaysHowToType()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480)));
        grid.Rows[0].Cells[3].Text = "eight";

        var changes = grid.Changes();

        Assert.Empty(changes);
        Assert.Equal("Type hours as 7.5 or 7:30.", grid.Rows[0].Cells[3].Problem?.ToString());
    }

    [Fact]
    public void After_RejectedCell_KeepsWhatWasTypedAndItsMessage()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480)));
        grid.Rows[0].Cells[1].Text = "8";
        grid.Rows[0].Cells[2].Text = "-2";
        var problem = TimeRules.CheckDuration(-120)!;

        var after = grid.After(A.Week(A.Row(1, 480, 480)), [new RejectedCell(grid.Rows[0].Key, A.Monday.AddDays(2), problem)]);

        var row = Assert.Single(after.Rows);
        Assert.Equal("8", row.Cells[1].Text);
        Assert.False(row.Cells[1].IsChanged);
        Assert.Equal("-2", row.Cells[2].Text);
        Assert.Same(problem, row.Cells[2].Problem);
        Assert.True(after.HasChanges);
    }

    [Fact]
    public void After_AddedRowWithoutTime_StaysInTheGrid()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480)));
        grid.AddRow(new TimeRowKey(2, 9, false), "Support", "கோயம்புத்தூர் மில்ஸ்", "Hotline");

        var after = grid.After(A.Week(A.Row(1, 480)), []);

        Assert.Equal([1L, 2L], after.Rows.Select(r => r.Key.ProjectId));
        Assert.Equal("Hotline", after.Rows[1].TaskName);
    }

    [Fact]
    public void AddRow_RowAlreadyInTheGrid_IsNotAddedTwice()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480)));

        grid.AddRow(new TimeRowKey(1, null, true), "Project 1", "Customer", null);

        Assert.Single(grid.Rows);
    }

    [Fact]
    public void Totals_CountTypedHoursPerDayAndWeek()
    {
        var grid = WeekGrid.From(A.Week(A.Row(1, 480, 450), A.Row(2, 60)));
        grid.Rows[1].Cells[1].Text = "1:30";

        Assert.Equal(540, grid.DayTotal(A.Monday));
        Assert.Equal(540, grid.DayTotal(A.Monday.AddDays(1)));
        Assert.Equal(1080, grid.WeekTotal);
    }

    [Fact]
    public void Cell_WithSeveralEntriesOrBilled_CannotBeTypedIn()
    {
        var several = new GridCell(A.Monday, 120, 2, null, null, null);
        var billed = new GridCell(A.Monday, 120, 1, 5, Guid.NewGuid(), "2026-0042");
        several.Text = "1";

        Assert.False(several.IsEditable);
        Assert.False(several.IsChanged);
        Assert.False(billed.IsEditable);
    }
}
