using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Timeline;
using CrmBlazor.Sdk.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Sdk.Tests.PluginTesting;

/// <summary>
/// The host's services in the plugin authors' bUnit context: what a test puts in is what the plugin
/// finds, and the host's rules that a plugin can break are kept.
/// </summary>
public sealed class HostStandInsTests : PluginTestContext
{
    public HostStandInsTests() => AddPlugin<StandInsPlugin>().SignIn(CrmRoles.Staff);

    [Theory]
    [InlineData("நெசவா")]
    [InlineData("மதுரை நெ")]
    [InlineData("கூட்டுறவு")]
    public async Task Customers_SearchingWordPrefixes_FindTheCustomerAndNotTheArchivedOne(string typed)
    {
        var weavers = Customers.Add("மதுரை நெசவாளர் கூட்டுறவு", "INR");
        Customers.Add("மதுரை நெசவாளர் கூட்டுறவு (பழையது)", "INR", isArchived: true);
        Customers.Add("Lahore Textile Mills", "PKR");

        var found = await Directory<ICustomerDirectory>().SearchAsync(typed);

        Assert.Equal([weavers], found);
    }

    [Fact]
    public async Task Customers_GettingById_ReturnsArchivedOnesToo()
    {
        var archived = Customers.Add("Kutaisi Wine House", "GEL", isArchived: true);

        Assert.Equal(archived, await Directory<ICustomerDirectory>().GetAsync(archived.Id));
        Assert.Null(await Directory<ICustomerDirectory>().GetAsync(archived.Id + 1));
    }

    [Fact]
    public async Task Users_SignedInUser_IsInTheDirectoryWithTheRole()
    {
        var users = await Directory<IUserDirectory>().ListAsync();

        var staff = Assert.Single(users);
        Assert.Equal("staff@crm.test", staff.Id);
        Assert.Equal([CrmRoles.Staff], staff.Roles);
        Assert.Equal(staff.Id, Services.GetRequiredService<ICurrentUser>().UserId);
    }

    [Fact]
    public async Task Timeline_RecordingTheSameKeyTwice_KeepsTheLaterEntry()
    {
        var timeline = Directory<ITimeline>();
        await timeline.RecordAsync(new TimelineEntry(1, "stand-ins.note", "stand-ins.note:1", DateTimeOffset.UnixEpoch, "First"));
        await timeline.RecordAsync(new TimelineEntry(1, "stand-ins.note", "stand-ins.note:1", DateTimeOffset.UnixEpoch, "Second"));

        Assert.Equal("Second", Assert.Single(Timeline.Entries).Title);
    }

    [Fact]
    public async Task Timeline_LinkOutsideTheCrm_IsRefusedAsByTheHost()
    {
        var entry = new TimelineEntry(1, "stand-ins.note", "stand-ins.note:1", DateTimeOffset.UnixEpoch, "Note", Link: "https://example.com/");

        await Assert.ThrowsAsync<ArgumentException>(() => Directory<ITimeline>().RecordAsync(entry));
        Assert.Empty(Timeline.Entries);
    }

    [Fact]
    public async Task Jobs_QueuingAJobThePluginDidNotRegister_IsRefusedAsByTheHost()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Directory<IJobScheduler>().EnqueueAsync<UnregisteredJob>());

        Assert.Contains(nameof(UnregisteredJob), error.Message, StringComparison.Ordinal);
        Assert.Empty(Jobs.Runs);
    }

    [Fact]
    public async Task Jobs_QueuedRun_WaitsUntilTheTestRunsItThenRecordsProgressAndOutcome()
    {
        var runId = await Directory<IJobScheduler>().EnqueueAsync<CountingJob>(new { Count = 3 });
        Assert.Equal(JobRunState.Queued, (await Directory<IJobScheduler>().GetRunAsync(runId))!.State);

        var finished = await Jobs.RunAsync(runId);

        Assert.Equal((JobRunState.Succeeded, "stand-ins:counting"), (finished.State, finished.JobId));
        Assert.Equal([(33, "1 of 3"), (67, "2 of 3"), (100, "3 of 3")], Jobs.Runs.Single().Progress);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Jobs.RunAsync(runId));
    }

    [Fact]
    public async Task Jobs_RunThatThrows_IsRecordedAsFailedWithTheMessage()
    {
        var run = await Jobs.RunAsync<CountingJob>(new { Count = -1 });

        Assert.Equal((JobRunState.Failed, "The count must not be negative."), (run.State, run.Message));
    }

    [Fact]
    public async Task Figures_SettingAFigureThePluginDidNotDeclare_IsRefusedAsByTheHost()
    {
        var figures = Directory<ICustomerFigures>();

        await figures.SetAsync(1, "stand-ins.open-notes", 4);
        await Assert.ThrowsAsync<ArgumentException>(() => figures.SetAsync(1, "stand-ins.undeclared", 4));

        Assert.Equal(4, Figures.ValueOf(1, "stand-ins.open-notes")?.Number);
    }

    [Fact]
    public async Task Audiences_AddedAudience_ListsItsRecipients()
    {
        var audience = Audiences.Add("Chennai retainers", new AudienceRecipient(1, 10, "Priya", "priya@example.in"), new AudienceRecipient(2, null, "Arun", null));

        Assert.Equal([1L, 2L], await Directory<IAudienceDirectory>().GetCustomerIdsAsync(audience.Id));
        Assert.Equal(2, Assert.Single(await Directory<IAudienceDirectory>().ListAsync()).MemberCount);
    }

    [Fact]
    public async Task MessageTemplates_ARegisteredTemplate_IsRenderedFromItsDefaultAndRecorded()
    {
        var fields = new Dictionary<string, object?> { ["note.title"] = "<Review> & plan" };

        var message = await Directory<IMessageTemplates>().RenderAsync("stand-ins.note", new TemplateRecipient(7, Language: "ta-IN"), fields);

        Assert.Equal("ta", message.Language);
        Assert.Equal("குறிப்பு: <Review> & plan", message.Subject);
        Assert.Equal("<p>&lt;Review&gt; &amp; plan</p>", message.HtmlBody);
        var render = Assert.Single(MessageTemplates.Renders);
        Assert.Equal("stand-ins.note", render.TemplateKey);
        Assert.Equal(7, render.Recipient.CustomerId);
    }

    [Fact]
    public async Task MessageTemplates_ATemplateThePluginDidNotRegister_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Directory<IMessageTemplates>().RenderAsync("stand-ins.other", new TemplateRecipient(), new Dictionary<string, object?>()));

        Assert.Empty(MessageTemplates.Renders);
    }

    // What a plugin gets when it asks for the service.
    private T Directory<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A plugin registering one job and one figure.</summary>
    public sealed class StandInsPlugin : ICrmPlugin
    {
        public void Configure(IPluginBuilder plugin)
        {
            ArgumentNullException.ThrowIfNull(plugin);
            plugin.AddJob<CountingJob>("counting")
                .AddCustomerFigure(new CustomerFigureDefinition("stand-ins.open-notes", "Open notes", FigureKind.Number))
                .AddMessageTemplate(new MessageTemplateDefinition
                {
                    Key = "stand-ins.note",
                    Title = "Note",
                    Fields = [new MergeField("note.title", "Title", "Quarterly review")],
                    Defaults = new Dictionary<string, MessageTemplateText>
                    {
                        ["en"] = new("Note: {{ note.title }}", "<p>{{ note.title }}</p>"),
                        ["ta"] = new("குறிப்பு: {{ note.title }}", "<p>{{ note.title }}</p>"),
                    },
                });
        }
    }

    /// <summary>Reports its progress in steps, or fails on a negative count.</summary>
    public sealed class CountingJob : IPluginJob
    {
        public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            var count = context.GetArguments<Arguments>().Count;
            if (count < 0)
            {
                throw new InvalidOperationException("The count must not be negative.");
            }

            for (var i = 1; i <= count; i++)
            {
                await context.ReportProgressAsync((int)Math.Round(100.0 * i / count), $"{i} of {count}", cancellationToken);
            }
        }

        private sealed record Arguments(int Count);
    }

    /// <summary>A job no plugin registered.</summary>
    public sealed class UnregisteredJob : IPluginJob
    {
        public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
