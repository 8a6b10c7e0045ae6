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
    public void Alert_SavedChangeWithoutAText_ShowsNothing()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, ChangeResult.Saved(7)).Add(a => a.Localizer, English));

        Assert.Empty(alert.FindAll("[data-testid=change-error]"));
    }

    [Fact]
    public void Alert_RefusedChange_IsReadAtOnceAsAnAlert()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, ChangeResult.Conflict(new Problem("Someone else changed it meanwhile."))).Add(a => a.Localizer, English));

        var region = alert.Find("[role=alert]");
        Assert.Equal("assertive", region.GetAttribute("aria-live"));
        Assert.Equal("Someone else changed it meanwhile.", region.TextContent.Trim());
        Assert.Empty(alert.Find("[role=status]").TextContent.Trim());
    }

    [Fact]
    public void Alert_SavedChangeWithAText_IsReadPolitelyAsAStatus()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, ChangeResult.Saved(7)).Add(a => a.Localizer, English).Add(a => a.Saved, "Entry deleted."));

        var region = alert.Find("[role=status]");
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal("Entry deleted.", region.TextContent.Trim());
        Assert.Empty(alert.Find("[role=alert]").TextContent.Trim());
    }

    [Fact]
    public void Alert_RefusedChangeWithASavedText_SaysNothingSaved()
    {
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, InvalidNameAndRate).Add(a => a.Localizer, English).Add(a => a.Saved, "Entry deleted."));

        Assert.Empty(alert.Find("[role=status]").TextContent.Trim());
        Assert.Empty(alert.FindAll("[data-testid=change-saved]"));
    }

    [Fact]
    public void Alert_BeforeTheFirstOutcome_HoldsBothLiveRegionsEmpty()
    {
        // Screen readers read text put into a live region that is already there, not one that arrives with its text.
        var alert = Render<ChangeResultAlert>(p => p.Add(a => a.Result, null).Add(a => a.Localizer, English));

        Assert.Empty(alert.Find("[role=status]").TextContent.Trim());
        Assert.Empty(alert.Find("[role=alert]").TextContent.Trim());

        alert.Render(p => p.Add(a => a.Result, InvalidNameAndRate));

        Assert.Contains("Enter a name.", alert.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    private static string[] Messages(IRenderedComponent<ChangeResultAlert> alert) =>
        [.. alert.FindAll("[data-testid=change-error] .mud-alert-message > div").Select(d => d.TextContent)];
}
