using Bunit;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Jobs;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Users;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Features.Segments;

/// <summary>
/// The segment editor on a real (SQLite) database: the live count follows the rules as they are
/// edited, rule problems replace the count, and users who may not manage segments only read.
/// </summary>
public sealed class SegmentEditorTests : ComponentTestContext
{
    private static readonly TimeSpan CountWait = TimeSpan.FromSeconds(5);
    private readonly SqliteCrmDatabase _database = new();

    public SegmentEditorTests()
    {
        _database.AddTo(Services);
        Services.AddSingleton(new CatalogBuilder().WithCoreModule().Build());
        Services.AddSingleton(TimeProvider.System);
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new InMemoryStorage()));
        Services.AddSingleton<IJobScheduler, JobScheduler>();
        Services.AddScoped<SegmentService>();
        Services.AddScoped<CustomerQueries>();
        Services.AddScoped<IUserDirectory, UserDirectory>();
        Render<MudPopoverProvider>();
        User.SetAuthorized("meera@example.com");
    }

    [Fact]
    public async Task LiveCount_NewSegmentWithoutRules_CountsEveryActiveCustomer()
    {
        await _database.AddCustomersAsync("Amelia Watson", "சென்னை மென்பொருள் சேவைகள்");
        await _database.AddArchivedCustomerAsync("Gone Ltd");
        User.SetPolicies(CorePermissions.ViewCustomers, CorePermissions.ManageSegments);

        var editor = Render<SegmentEditor>();

        editor.WaitForAssertion(() => Assert.Equal("2", CountShown(editor)), CountWait);
    }

    [Fact]
    public async Task LiveCount_RuleTypedIn_CountsTheCustomersItMatches()
    {
        await _database.AddCustomersAsync("Amelia Watson", "சென்னை மென்பொருள் சேவைகள்", "மதுரை கணக்கியல் நிறுவனம்");
        User.SetPolicies(CorePermissions.ViewCustomers, CorePermissions.ManageSegments);
        var editor = Render<SegmentEditor>();
        editor.WaitForAssertion(() => Assert.Equal("3", CountShown(editor)), CountWait);

        await editor.Find("[data-testid=segment-rule-add]").ClickAsync(new());
        await editor.Find("input[data-testid=segment-rule-value]").InputAsync(new() { Value = "மென்பொருள்" });

        editor.WaitForAssertion(() => Assert.Equal("1", CountShown(editor)), CountWait);
    }

    [Fact]
    public async Task LiveCount_RuleWithoutItsValue_ShowsTheRuleMessageInsteadOfACount()
    {
        await _database.AddCustomersAsync("Amelia Watson");
        User.SetPolicies(CorePermissions.ViewCustomers, CorePermissions.ManageSegments);
        var editor = Render<SegmentEditor>();
        editor.WaitForAssertion(() => Assert.Equal("1", CountShown(editor)), CountWait);

        await editor.Find("[data-testid=segment-rule-add]").ClickAsync(new());

        editor.WaitForAssertion(
            () =>
            {
                Assert.Equal("Invalid", editor.Find("[data-testid=segment-live-count]").GetAttribute("data-state"));
                Assert.Contains("Enter a value.", editor.Find("[data-testid=segment-rule]").TextContent, StringComparison.Ordinal);
            },
            CountWait);
    }

    [Fact]
    public async Task ReadOnly_UserWhoMayNotManageSegments_SeesTheRulesAsSentencesAndNoSave()
    {
        var id = await SaveSegmentAsync(new SegmentRule { Field = SegmentFields.Tag, Operator = SegmentOperator.HasTag, Value = "priority" });
        User.SetPolicies(CorePermissions.ViewCustomers);

        var editor = Render<SegmentEditor>(p => p.Add(e => e.Id, id));

        editor.WaitForAssertion(() => Assert.Equal("0", CountShown(editor)), CountWait);
        Assert.Empty(editor.FindAll("[data-testid=segment-save]"));
        Assert.Empty(editor.FindAll("input"));
        Assert.Equal("Tag has the tag priority", editor.Find(".crm-segment-sentence").TextContent.Trim());
    }

    private static string? CountShown(IRenderedComponent<SegmentEditor> editor) =>
        editor.FindAll("[data-testid=segment-live-count][data-state=Counted] [data-testid=segment-live-count-value]").SingleOrDefault()?.TextContent.Trim();

    private async Task<long> SaveSegmentAsync(params SegmentRule[] rules)
    {
        // Saved through the service by someone who may (bUnit answers permission checks from the test's
        // user); the page is then opened by someone who may not.
        User.SetPolicies(CorePermissions.ManageSegments);
        var result = await Services.GetRequiredService<SegmentService>().CreateAsync(new SegmentInput
        {
            Name = "Key accounts",
            Definition = new SegmentDefinition { Rules = [.. rules] },
        });
        return result.Id ?? throw new InvalidOperationException(string.Join(" ", result.Messages));
    }
}
