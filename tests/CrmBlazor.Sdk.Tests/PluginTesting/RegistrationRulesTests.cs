using System.ComponentModel.DataAnnotations;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Sdk.Tests.PluginTesting;

/// <summary>
/// The plugin authors' test context refuses what the host refuses while a plugin configures, with the
/// host's message, so that a plugin's tests fail before the host would refuse the plugin.
/// </summary>
public sealed class RegistrationRulesTests : PluginTestContext
{
    [Fact]
    public void AddPlugin_ScheduleFromSettingsThatIsNotCron_IsRefusedNamingTheSchedule()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<ScheduledPlugin>(new Dictionary<string, string?> { ["Schedule"] = "every tuesday" }));

        Assert.StartsWith("Recurring job 'digest' has the schedule 'every tuesday', which is not a cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlugin_ScheduleFromValidSettings_IsRecorded()
    {
        AddPlugin<ScheduledPlugin>(new Dictionary<string, string?> { ["Schedule"] = "30 5 * * 1-5" });

        Assert.Equal("30 5 * * 1-5", Registrations.Jobs["digest"].Cron);
    }

    [Fact]
    public void AddPlugin_InvalidSettings_AreRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<ScheduledPlugin>(new Dictionary<string, string?> { ["Schedule"] = "" }));

        Assert.StartsWith("Its settings (Plugins:stand-ins) are invalid: Schedule:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlugin_PermissionNotNamedAfterThePlugin_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(AddPlugin<ForeignPermissionPlugin>);

        Assert.Equal("Permission 'tickets.use' must be named 'stand-ins.<name>'.", error.Message);
    }

    [Fact]
    public void AddPlugin_JobKeyRegisteredTwice_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(AddPlugin<TwiceRegisteredJobPlugin>);

        Assert.Equal("Job key 'digest' is registered twice.", error.Message);
    }

    [Fact]
    public void AddPlugin_MessageTemplateNotNamedAfterThePlugin_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<TemplatePlugin>(Template("invoicing.invoice")));

        Assert.StartsWith("Message template 'invoicing.invoice' must be named 'stand-ins.<name>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlugin_MessageTemplateWithoutEnglish_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<TemplatePlugin>(Template("stand-ins.note") with
        {
            Defaults = new Dictionary<string, MessageTemplateText> { ["ta"] = new("குறிப்பு", "<p>குறிப்பு</p>") },
        }));

        Assert.Equal("Message template 'stand-ins.note' needs an English (\"en\") default text.", error.Message);
    }

    [Fact]
    public void AddPlugin_MessageTemplateDeclaringAStandardField_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<TemplatePlugin>(Template("stand-ins.note") with
        {
            Fields = [new MergeField("customer.name", "Name", "Raman Textiles")],
        }));

        Assert.Equal("Merge field 'customer.name' of message template 'stand-ins.note' is a standard field; do not declare it.", error.Message);
    }

    [Fact]
    public void AddPlugin_MessageTemplateWithAFieldThatIsAnothersParent_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AddPlugin<TemplatePlugin>(Template("stand-ins.note") with
        {
            Fields = [new MergeField("note", "Note", "A note"), new MergeField("note.title", "Title", "Title")],
        }));

        Assert.StartsWith("Merge field 'note' of message template 'stand-ins.note' is also the start of another field's path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPlugin_ValidMessageTemplate_IsRecorded()
    {
        AddPlugin<TemplatePlugin>(Template("stand-ins.note"));

        Assert.Equal("stand-ins.note", Assert.Single(Registrations.MessageTemplates).Key);
    }

    private static MessageTemplateDefinition Template(string key) => new()
    {
        Key = key,
        Title = "Note",
        Fields = [new MergeField("note.title", "Title", "Quarterly review")],
        Defaults = new Dictionary<string, MessageTemplateText> { ["en"] = new("Note {{ note.title }}", "<p>{{ note.title }}</p>") },
    };

    private void AddPlugin<TPlugin>(MessageTemplateDefinition template)
        where TPlugin : ICrmPlugin, new()
    {
        TemplatePlugin.Next = template;
        AddPlugin<TPlugin>(settings: null);
    }

    private void AddPlugin<TPlugin>()
        where TPlugin : ICrmPlugin, new() => AddPlugin<TPlugin>(settings: null);

    /// <summary>Settings with a schedule.</summary>
    public sealed class DigestSettings
    {
        [Required]
        public string Schedule { get; set; } = "0 6 * * *";
    }

    /// <summary>A recurring job whose schedule comes from the settings.</summary>
    public sealed class ScheduledPlugin : ICrmPlugin
    {
        public void Configure(IPluginBuilder plugin)
        {
            ArgumentNullException.ThrowIfNull(plugin);
            plugin.AddSettings<DigestSettings>().AddRecurringJob<DigestJob, DigestSettings>("digest", s => s.Schedule);
        }
    }

    /// <summary>A permission named after another plugin.</summary>
    public sealed class ForeignPermissionPlugin : ICrmPlugin
    {
        public void Configure(IPluginBuilder plugin)
        {
            ArgumentNullException.ThrowIfNull(plugin);
            plugin.AddPermission(new Permission("tickets.use", "Use tickets", CrmRoles.Staff));
        }
    }

    /// <summary>One key for two jobs.</summary>
    public sealed class TwiceRegisteredJobPlugin : ICrmPlugin
    {
        public void Configure(IPluginBuilder plugin)
        {
            ArgumentNullException.ThrowIfNull(plugin);
            plugin.AddJob<DigestJob>("digest").AddRecurringJob<DigestJob>("digest", "0 6 * * *");
        }
    }

    /// <summary>Registers the message template a test gives it.</summary>
    public sealed class TemplatePlugin : ICrmPlugin
    {
        [ThreadStatic]
        private static MessageTemplateDefinition? _next;

        public static MessageTemplateDefinition? Next
        {
            get => _next;
            set => _next = value;
        }

        public void Configure(IPluginBuilder plugin)
        {
            ArgumentNullException.ThrowIfNull(plugin);
            plugin.AddMessageTemplate(Next!);
        }
    }

    /// <summary>Does nothing.</summary>
    public sealed class DigestJob : IPluginJob
    {
        public Task RunAsync(JobRunContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
