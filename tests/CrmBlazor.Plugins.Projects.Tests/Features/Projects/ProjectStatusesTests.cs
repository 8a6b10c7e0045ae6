using CrmBlazor.Plugins.Projects.Features.Projects;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Projects.Tests.Features.Projects;

public sealed class ProjectStatusesTests
{
    [Theory]
    [InlineData(ProjectStatus.Planned, ProjectStatus.Active, "Start")]
    [InlineData(ProjectStatus.Active, ProjectStatus.OnHold, "Put on hold")]
    [InlineData(ProjectStatus.OnHold, ProjectStatus.Active, "Resume")]
    [InlineData(ProjectStatus.Active, ProjectStatus.Completed, "Complete")]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Active, "Reopen")]
    [InlineData(ProjectStatus.Active, ProjectStatus.Cancelled, "Cancel project")]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Planned, "Reopen")]
    public void Move_AllowedStep_HasAnActionName(ProjectStatus from, ProjectStatus to, string action)
    {
        Assert.True(ProjectStatuses.CanMove(from, to));
        Assert.Equal(action, ProjectStatuses.Action(from, to));
    }

    [Theory]
    [InlineData(ProjectStatus.Planned, ProjectStatus.Completed)]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Cancelled)]
    [InlineData(ProjectStatus.Cancelled, ProjectStatus.Active)]
    [InlineData(ProjectStatus.Active, ProjectStatus.Active)]
    public void Move_StepThatSkipsTheWork_IsNotAllowed(ProjectStatus from, ProjectStatus to)
    {
        Assert.False(ProjectStatuses.CanMove(from, to));
    }

    [Fact]
    public void Next_EveryStatus_HasSomewhereToGo()
    {
        Assert.All(Enum.GetValues<ProjectStatus>(), s => Assert.NotEmpty(ProjectStatuses.Next(s)));
    }
}
