using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Host.Tests.Plugins;

public sealed class PluginBuilderTests
{
    private readonly PluginBuilder _projects = new(
        new PluginInfo("projects", "Projects", new Version(1, 0, 0), Path.GetTempPath()),
        new ServiceCollection(),
        new ConfigurationBuilder().Build());

    [Fact]
    public void AddPermission_NamedWithThePluginPrefix_IsDeclared()
    {
        _projects.AddPermission(new Permission("projects.view", "View projects", CrmRoles.Manager));

        Assert.Equal(["projects.view"], _projects.Contributions.Permissions.Select(p => p.Name));
    }

    [Theory]
    [InlineData("view")]
    [InlineData("invoicing.view")]
    [InlineData("projects.")]
    [InlineData("projectsview")]
    public void AddPermission_WithoutThePluginPrefix_IsRefused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddPermission(new Permission(name, "View")));

        Assert.Equal($"Permission '{name}' must be named 'projects.<name>'.", error.Message);
    }

    [Fact]
    public void AddPermission_UnknownDefaultRole_IsRefusedListingTheRoles()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _projects.AddPermission(new Permission("projects.view", "View projects", CrmRoles.Manager, "Intern")));

        Assert.Equal("Permission 'projects.view' names an unknown role; the roles are Admin, Manager, Staff, Accountant.", error.Message);
    }

    [Theory]
    [InlineData("projects")]
    [InlineData("https://example.com/projects")]
    [InlineData("//example.com/projects")]
    [InlineData("/\\example.com/projects")]
    public void AddMenuItem_HrefNotAnAbsolutePath_IsRefused(string href)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddMenuItem(new MenuItem("Projects", href)));

        Assert.Equal("Menu entry 'Projects' must link to an absolute path such as '/projects'.", error.Message);
    }

    [Fact]
    public void AddMenuItem_UnknownGroup_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddMenuItem(new MenuItem("Projects", "/projects", Group: "Misc")));

        Assert.Equal("Menu entry 'Projects' names an unknown group 'Misc'.", error.Message);
    }

    [Theory]
    [InlineData("Sync")]
    [InlineData("-sync")]
    [InlineData("sync now")]
    [InlineData("sync:now")]
    [InlineData("")]
    public void AddJob_InvalidKey_IsRefused(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddJob<SampleJob>(key));

        Assert.Equal($"Job key '{key}' is invalid: use lower-case letters, digits and hyphens.", error.Message);
    }

    [Fact]
    public void AddJob_KeyRegisteredTwice_IsRefused()
    {
        _projects.AddJob<SampleJob>("sync");

        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddRecurringJob<SampleJob>("sync", "0 * * * *"));

        Assert.Equal("Job key 'sync' is registered twice.", error.Message);
    }

    [Fact]
    public void AddRecurringJob_ValidKey_IsRegisteredUnderThePluginsJobId()
    {
        _projects.AddRecurringJob<SampleJob>("budget-check", "0 6 * * *");

        var job = Assert.Single(_projects.Contributions.Jobs);
        Assert.Equal("projects:budget-check", job.JobId);
        Assert.Equal("0 6 * * *", job.Cron);
    }

    [Theory]
    [InlineData("every tuesday")]
    [InlineData("0 3 * *")]
    [InlineData("61 * * * *")]
    [InlineData("0 3 * * 8")]
    [InlineData(" ")]
    public void AddRecurringJob_ScheduleHangfireWouldRefuse_IsRefusedNamingTheJobAndTheSchedule(string cron)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddRecurringJob<SampleJob>("budget-check", cron));

        Assert.StartsWith($"Recurring job 'budget-check' has the schedule '{cron}', which ", error.Message, StringComparison.Ordinal);
        Assert.Empty(_projects.Contributions.Jobs);
    }

    [Fact]
    public void AddRecurringJob_ScheduleFromSettings_TakesTheConfiguredValue()
    {
        var builder = ProjectsWith(("CheckSchedule", "30 7 * * 1-5"));

        builder.AddSettings<SampleScheduleSettings>().AddRecurringJob<SampleJob, SampleScheduleSettings>("budget-check", s => s.CheckSchedule);

        Assert.Equal("30 7 * * 1-5", Assert.Single(builder.Contributions.Jobs).Cron);
    }

    [Fact]
    public void AddRecurringJob_ScheduleFromSettingsThatIsNotACronExpression_IsRefusedNamingTheSchedule()
    {
        var builder = ProjectsWith(("CheckSchedule", "every tuesday")).AddSettings<SampleScheduleSettings>();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRecurringJob<SampleJob, SampleScheduleSettings>("budget-check", s => s.CheckSchedule));

        Assert.StartsWith("Recurring job 'budget-check' has the schedule 'every tuesday', which is not a cron expression (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecurringJob_ScheduleFromSettingsNotRegistered_IsRefusedSayingWhatToRegister()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            _projects.AddRecurringJob<SampleJob, SampleScheduleSettings>("budget-check", s => s.CheckSchedule));

        Assert.Equal(
            "Recurring job 'budget-check' takes its schedule from SampleScheduleSettings: register them with AddSettings<SampleScheduleSettings>() first.",
            error.Message);
    }

    [Fact]
    public void AddTimelineKind_WithoutThePluginPrefix_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddTimelineKind(new TimelineKind("task-done", "Task done", "icon")));

        Assert.Equal("Timeline kind 'task-done' must be named 'projects.<name>'.", error.Message);
    }

    private static PluginBuilder ProjectsWith(params (string Key, string Value)[] settings) => new(
        new PluginInfo("projects", "Projects", new Version(1, 0, 0), Path.GetTempPath()),
        new ServiceCollection(),
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());
}
