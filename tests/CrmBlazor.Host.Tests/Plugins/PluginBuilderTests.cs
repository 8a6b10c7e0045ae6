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

    [Fact]
    public void AddTimelineKind_WithoutThePluginPrefix_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _projects.AddTimelineKind(new TimelineKind("task-done", "Task done", "icon")));

        Assert.Equal("Timeline kind 'task-done' must be named 'projects.<name>'.", error.Message);
    }
}
