using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Time;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Time;

public sealed class TimeRulesTests
{
    [Fact]
    public void CheckDuration_NegativeHours_AreRefused()
    {
        Assert.Equal("Hours cannot be negative.", TimeRules.CheckDuration(-30)?.ToString());
    }

    [Fact]
    public void CheckDuration_MoreThanADay_IsRefused()
    {
        Assert.Equal("A day has 24 hours; enter at most 24.", TimeRules.CheckDuration(24 * 60 + 1)?.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(450)]
    [InlineData(1440)]
    public void CheckDuration_FromNothingToAWholeDay_IsAccepted(int minutes)
    {
        Assert.Null(TimeRules.CheckDuration(minutes));
    }

    [Theory]
    [InlineData(ProjectStatus.Planned)]
    [InlineData(ProjectStatus.Active)]
    [InlineData(ProjectStatus.OnHold)]
    public void CheckProject_OpenProject_TakesTime(ProjectStatus status)
    {
        Assert.Null(TimeRules.CheckProject(A.Project(status)));
    }

    [Fact]
    public void CheckProject_CompletedProject_RefusesTimeNamingIt()
    {
        Assert.Equal("Time cannot be logged on இணையதள மறுவடிவமைப்பு: the project is completed.",
            TimeRules.CheckProject(A.Project(ProjectStatus.Completed, "இணையதள மறுவடிவமைப்பு"))?.ToString());
    }

    [Fact]
    public void CheckProject_CancelledProject_RefusesTime()
    {
        Assert.Equal("Time cannot be logged on Website relaunch: the project is cancelled.", TimeRules.CheckProject(A.Project(ProjectStatus.Cancelled))?.ToString());
    }

    [Fact]
    public void CheckProject_MissingProject_RefusesTime()
    {
        Assert.Equal("The project no longer exists.", TimeRules.CheckProject(null)?.ToString());
    }

    [Fact]
    public void CheckNotLocked_BilledEntry_IsRefusedNamingTheInvoice()
    {
        Assert.Equal("This time was billed on invoice 2026-0042 and can no longer be changed.", TimeRules.CheckNotLocked(A.BilledEntry("2026-0042"))?.ToString());
    }

    [Fact]
    public void CheckNotLocked_BilledByADraftWithoutNumber_SaysItIsOnADraftNotItsId()
    {
        Assert.Equal(
            "This time is on a draft invoice and can no longer be changed; take it off the draft first.",
            TimeRules.CheckNotLocked(A.BilledEntry(null))?.ToString());
    }

    [Fact]
    public void CheckTask_ClosedTask_RefusesNewTimeButNotCorrections()
    {
        var closed = new ProjectTask { Id = 5, ProjectId = 7, Name = "Design", IsClosed = true };

        Assert.Equal("The task Design is closed; log the time on another task.", TimeRules.CheckTask(closed, 7, isNew: true)?.ToString());
        Assert.Null(TimeRules.CheckTask(closed, 7, isNew: false));
    }

    [Fact]
    public void CheckTask_TaskOfAnotherProject_IsRefused()
    {
        Assert.Equal("The task belongs to another project.", TimeRules.CheckTask(new ProjectTask { Id = 5, ProjectId = 8, Name = "Design" }, 7, true)?.ToString());
    }

    [Fact]
    public void CheckDayTotal_MoreThan24HoursInADay_IsRefusedWithTheDayAndTotal()
    {
        var problem = TimeRules.CheckDayTotal(A.Monday, 25 * 60 + 30);

        Assert.Equal("At most 24 hours can be logged per day: {0:D} would have {1} hours.", problem?.Text);
        Assert.Equal(25.5m, problem?.Arguments[1]);
    }

    [Fact]
    public void CheckDayTotal_ExactlyADay_IsAccepted()
    {
        Assert.Null(TimeRules.CheckDayTotal(A.Monday, 1440));
    }
}
