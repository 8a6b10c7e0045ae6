using Bunit;
using CrmBlazor.Sdk.Components;

namespace CrmBlazor.Sdk.Tests.Components;

public sealed class ChangeResultAlertTests : KitTestContext
{
    private static readonly ChangeResult InvalidNameAndRate = ChangeResult.Invalid(new Dictionary<string, Problem[]>
    {
        ["Name"] = [new Problem("Enter a name.")],
        ["HourlyRate"] = [new Problem("The rate must be between {0} and {1}.", 0, 100000)],
        [""] = [new Problem("The project is closed.")],
    });

    [Fact]
    public void Alert_InvalidChange_ListsEveryMessageWithItsArguments()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, InvalidNameAndRate).Add(a => a.Localizer, English));

        Assert.Equal(["Enter a name.", "The rate must be between 0 and 100000.", "The project is closed."], Messages(alert));
        Assert.Equal("Invalid", alert.Find("[data-testid=change-error]").GetAttribute("data-status"));
    }

    [Fact]
    public void Alert_FieldsTheFormShowsItself_AreLeftOut()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, InvalidNameAndRate).Add(a => a.Localizer, English).Add(a => a.Fields, ["Name"]));

        Assert.Equal(["The rate must be between 0 and 100000.", "The project is closed."], Messages(alert));
    }

    [Fact]
    public void Alert_OnlyFieldsTheFormShows_ShowsNothing()
    {
        var result = ChangeResult.Invalid("Name", new Problem("Enter a name."));

        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, result).Add(a => a.Localizer, English).Add(a => a.Fields, ["Name"]));

        Assert.Empty(alert.FindAll("[data-testid=change-error]"));
    }

    [Fact]
    public void Alert_ConcurrentEdit_IsAWarningNotAnError()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, ChangeResult.Conflict(new Problem("Someone else changed it meanwhile."))).Add(a => a.Localizer, English));

        Assert.Contains("mud-alert-text-warning", alert.Find("[data-testid=change-error]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_SavedChange_ShowsNothing()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, ChangeResult.Saved(7)).Add(a => a.Localizer, English));

        Assert.Empty(alert.FindAll("[data-testid=change-error]"));
    }

    private static string[] Messages(IRenderedComponent<ChangeResultAlert> alert) =>
        [.. alert.FindAll("[data-testid=change-error] .mud-alert-message > div").Select(d => d.TextContent)];
}
