using Bunit;
using CrmBlazor.Sdk.Components;

namespace CrmBlazor.Sdk.Tests.Components;

public sealed class WorkProgressTests : KitTestContext
{
    [Fact]
    public void Bar_WhileWorking_HasItsNameAndItsValueInWords()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Import customers").Add(w => w.Value, 120).Add(w => w.Max, 400).Add(w => w.Text, Saved(120)));

        var bar = progress.Find("[role=progressbar]");
        Assert.Equal("Import customers", bar.GetAttribute("aria-label"));
        Assert.Equal("120 of 400 customers saved…", bar.GetAttribute("aria-valuetext"));
        Assert.Equal("120", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("400", bar.GetAttribute("aria-valuemax"));
    }

    [Fact]
    public void Progress_AsTheWorkGoesOn_IsToldAtEachQuarterOnly()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Import customers").Add(w => w.Value, 0).Add(w => w.Max, 400).Add(w => w.Text, Saved(0)));
        var told = new List<string>();

        foreach (var done in new[] { 40, 80, 100, 140, 199, 200, 260, 330, 390 })
        {
            progress.Render(p => p.Add(w => w.Value, done).Add(w => w.Text, Saved(done)));
            told.Add(Status(progress));
        }

        Assert.Equal(["", "", Saved(100), Saved(100), Saved(100), Saved(200), Saved(200), Saved(330), Saved(330)], told);
    }

    [Fact]
    public void Progress_FoundOnArrival_IsNotTold()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Import customers").Add(w => w.Value, 240).Add(w => w.Max, 400).Add(w => w.Text, Saved(240)));

        Assert.Empty(Status(progress));
    }

    [Fact]
    public void Completion_OfWorkSeenGoingOn_IsToldPolitely()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Import customers").Add(w => w.Value, 120).Add(w => w.Max, 400).Add(w => w.Text, Saved(120)));

        progress.Render(p => p.Add(w => w.Value, 400).Add(w => w.Text, Saved(400)).Add(w => w.Completed, "Imported 400 customers with 410 contacts."));

        Assert.Equal("polite", progress.Find("[role=status]").GetAttribute("aria-live"));
        Assert.Equal("Imported 400 customers with 410 contacts.", Status(progress));
        Assert.Empty(progress.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Failure_OfWorkSeenGoingOn_IsToldAtOnce()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Run of October 2026").Add(w => w.Value, null).Add(w => w.Text, "Waiting to start…"));

        progress.Render(p => p.Add(w => w.Failed, "The run of October 2026 failed: the database could not be reached."));

        var alert = progress.Find("[role=alert]");
        Assert.Equal("assertive", alert.GetAttribute("aria-live"));
        Assert.Equal("The run of October 2026 failed: the database could not be reached.", alert.TextContent);
    }

    [Fact]
    public void End_OfWorkThatHadEndedBeforeThePageOpened_IsNotTold()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Run of October 2026").Add(w => w.Value, 12).Add(w => w.Max, 12)
            .Add(w => w.Text, "12 of 12 customers").Add(w => w.Completed, "The run of October 2026 is finished."));

        progress.Render(p => p.Add(w => w.Text, "12 of 12 customers"));

        Assert.Empty(Status(progress));
        Assert.Empty(progress.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void End_OfWorkThePageFollowed_IsToldEvenWhenTheBarFirstShowsItEnded()
    {
        // An import of three rows ends before the bar is first drawn.
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Import customers").Add(w => w.Value, 3).Add(w => w.Max, 3).Add(w => w.Text, "3 of 3 customers saved…")
            .Add(w => w.Completed, "Imported 3 customers with 2 contacts.").Add(w => w.Followed, true));

        Assert.Equal("Imported 3 customers with 2 contacts.", Status(progress));
    }

    [Fact]
    public void Bar_BeforeItsAmountIsKnown_MovesWithoutAValue()
    {
        var progress = Render<WorkProgress>(p => p.Add(w => w.Label, "Run of October 2026").Add(w => w.Value, null).Add(w => w.Text, "Waiting to start…"));

        Assert.Contains("mud-progress-indeterminate", progress.Find("[role=progressbar]").ClassName, StringComparison.Ordinal);
        Assert.Equal("Waiting to start…", progress.Find("[role=progressbar]").GetAttribute("aria-valuetext"));
    }

    private static string Saved(int done) => $"{done} of 400 customers saved…";

    private static string Status(IRenderedComponent<WorkProgress> progress) => progress.Find("[role=status]").TextContent;
}
