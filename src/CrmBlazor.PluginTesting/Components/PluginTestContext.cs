using System.Globalization;
using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using CrmBlazor.Data;
using CrmBlazor.PluginTesting.Services;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Plugins;
using CrmBlazor.Sdk.Timeline;
using CrmBlazor.Sdk.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.PluginTesting.Components;

/// <summary>
/// A bUnit context set up like the host's UI for one plugin: MudBlazor's services, localisation (the
/// plugin's <c>Resources/*.resx</c>), <see cref="UserDisplay"/> in the user's time zone (see
/// <see cref="UseTimeZone"/>), a signed-in user with a role and the permissions the plugin grants
/// that role, the plugin's own services, settings and tables (its <c>Configure</c> runs; each of its
/// contexts is on a SQLite database of this context, with the plugin's SQLite migrations applied), and
/// the host's services a plugin uses, kept in memory where a test fills and reads them:
/// <see cref="Customers"/> (<see cref="ICustomerDirectory"/>, which the SDK's <c>CustomerPicker</c>
/// searches), <see cref="Users"/> (<see cref="IUserDirectory"/>), <see cref="Timeline"/>
/// (<see cref="ITimeline"/>), <see cref="Jobs"/> (<see cref="IJobScheduler"/>), <see cref="Events"/>
/// (<see cref="IDomainEventPublisher"/> and the events the plugin's contexts publish),
/// <see cref="Figures"/> (<see cref="ICustomerFigures"/>), <see cref="Audiences"/>
/// (<see cref="IAudienceDirectory"/>) and <see cref="MessageTemplates"/> (<see cref="IMessageTemplates"/>).
/// </summary>
/// <remarks>
/// These stand-ins keep the host's rules that a plugin can break (a job or figure the plugin did not
/// register is refused, one timeline entry per key) but not its storage: what needs the host's
/// database, queue, schedule, event delivery or PDF renderer is tested through <see cref="PluginHost"/>,
/// which runs the real host. A service the plugin registers itself replaces the stand-in.
/// </remarks>
/// <example>
/// <code>
/// await using var context = new PluginTestContext();
/// context.AddPlugin&lt;TicketsPlugin&gt;().SignIn(CrmRoles.Staff);
/// var customer = context.Customers.Add("Chennai Exports");
/// var page = context.Render&lt;TicketsPage&gt;();
/// // ... choose the customer, save, then:
/// Assert.Single(context.Timeline.Entries, e => e.CustomerId == customer.Id);
/// </code>
/// </example>
public class PluginTestContext : BunitContext
{
    private readonly BunitAuthorizationContext _authorization;
    private readonly TestCurrentUser _user = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("crm-plugin-bunit-").FullName;
    private PluginRegistrations? _registrations;
    private TimeZoneInfo? _timeZone;

    /// <summary>Creates the context; no one is signed in until <see cref="SignIn"/>.</summary>
    public PluginTestContext()
    {
        // MudBlazor calls JavaScript for layout and focus; nothing rendered here depends on what it returns.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddLogging();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ICurrentUser>(_user);
        Customers = new TestCustomers();
        Users = new TestUsers();
        Timeline = new RecordingTimeline();
        Jobs = new RecordingJobScheduler(() => _registrations, () => Services);
        Events = new RecordingEvents();
        Figures = new RecordingCustomerFigures(() => _registrations);
        Audiences = new TestAudiences();
        MessageTemplates = new RecordingMessageTemplates(() => _registrations);
        Services.AddSingleton<ICustomerDirectory>(Customers);
        Services.AddSingleton<IUserDirectory>(Users);
        Services.AddSingleton<ITimeline>(Timeline);
        Services.AddSingleton<IJobScheduler>(Jobs);
        Services.AddSingleton<IDomainEventPublisher>(Events);
        Services.AddSingleton<ICustomerFigures>(Figures);
        Services.AddSingleton<IAudienceDirectory>(Audiences);
        Services.AddSingleton<IMessageTemplates>(MessageTemplates);

        // As the host: the user's zone is the machine's clock unless a test chose one.
        Services.AddScoped(s => new UserDisplay(_timeZone ?? s.GetRequiredService<TimeProvider>().LocalTimeZone));
        _authorization = AddAuthorization();
    }

    /// <summary>The customers pages and pickers find: add the ones a test needs.</summary>
    public TestCustomers Customers { get; }

    /// <summary>The CRM's users: the signed-in user, and those a test adds.</summary>
    public TestUsers Users { get; }

    /// <summary>The timeline entries the plugin recorded.</summary>
    public RecordingTimeline Timeline { get; }

    /// <summary>The job runs the plugin queued; runs them when a test asks.</summary>
    public RecordingJobScheduler Jobs { get; }

    /// <summary>The domain events the plugin published.</summary>
    public RecordingEvents Events { get; }

    /// <summary>The message templates the plugin rendered (see <see cref="RecordingMessageTemplates"/>).</summary>
    public RecordingMessageTemplates MessageTemplates { get; }

    /// <summary>The customer figures the plugin set.</summary>
    public RecordingCustomerFigures Figures { get; }

    /// <summary>The audiences (segments) the plugin can address: add the ones a test needs.</summary>
    public TestAudiences Audiences { get; }

    /// <summary>What the plugin registered (after <see cref="AddPlugin{TPlugin}"/>).</summary>
    public PluginRegistrations Registrations => _registrations ?? throw new InvalidOperationException("Call AddPlugin first.");

    /// <summary>The SQLite database file the plugin's contexts use.</summary>
    public string DatabaseFile => Path.Combine(_directory, "plugin.db");

    /// <summary>
    /// Runs the plugin's <c>Configure</c> into this context's services, as the host would at start-up. The
    /// plugin id comes from the <c>plugin.json</c> next to the plugin's assembly.
    /// </summary>
    /// <typeparam name="TPlugin">The plugin's entry point.</typeparam>
    /// <param name="settings">The plugin's settings (its <c>Plugins:&lt;id&gt;</c> section), e.g. <c>["ReminderSchedule"] = "0 6 * * *"</c>.</param>
    /// <exception cref="InvalidOperationException">The settings are invalid, or a registration breaks a rule; the message says which.</exception>
    public PluginTestContext AddPlugin<TPlugin>(IDictionary<string, string?>? settings = null)
        where TPlugin : ICrmPlugin, new()
    {
        var folder = Path.GetDirectoryName(typeof(TPlugin).Assembly.Location)!;
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(folder, PluginManifestFormat.FileName)), PluginManifestFormat.JsonOptions)
            ?? throw new InvalidOperationException($"{PluginManifestFormat.FileName} next to {typeof(TPlugin).Assembly.GetName().Name} is empty.");
        var info = new PluginInfo(manifest.Id, manifest.Name ?? manifest.Id, Version.Parse(manifest.Version), folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new RecordingPluginBuilder(info, Services, configuration, DatabaseFile, Events);
        new TPlugin().Configure(builder);
        _registrations = builder.Registrations;
        return this;
    }

    /// <summary>
    /// Signs in a user with a role, holding the permissions the plugin grants that role by default (every
    /// one for an administrator). The user's id, name and e-mail address are <c>&lt;role&gt;@crm.test</c>
    /// in lower case, and the user is one of <see cref="Users"/>.
    /// </summary>
    /// <param name="role">One of <see cref="CrmRoles.All"/>, or null for a signed-in user without a role.</param>
    /// <param name="culture">The UI language, e.g. "ta"; null for English.</param>
    public PluginTestContext SignIn(string? role, string? culture = null)
    {
        var email = $"{(role ?? "no-role").ToLowerInvariant()}@crm.test";
        var permissions = _registrations?.PermissionsOf(role) ?? [];
        _authorization.SetAuthorized(email);
        _authorization.SetRoles(role is null ? [] : [role]);
        _authorization.SetPolicies([.. permissions]);
        _user.UserId = email;
        _user.UserName = email;
        _user.Role = role;
        _user.Permissions = permissions;
        Users.Add(email, email, email, role is null ? [] : [role]);
        if (culture is not null)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        }

        return this;
    }

    /// <summary>
    /// Sets the signed-in user's time zone, in which <see cref="UserDisplay"/> shows instants (the host
    /// uses the machine's zone; so does this context until this is called). Call it before the first
    /// <c>Render</c>: the display is made once per context.
    /// </summary>
    /// <param name="timeZone">The zone, e.g. <c>TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")</c>.</param>
    public PluginTestContext UseTimeZone(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
        return this;
    }

    /// <summary>
    /// Renders a component after MudBlazor's popover, dialog and snackbar providers, as the host's layout
    /// does, so that what opens in them (a picker's list, a menu, a dialog, a snackbar) is in the markup:
    /// find it in the result's markup, e.g. <c>WaitForElement(".mud-popover-open .mud-list-item")</c>.
    /// </summary>
    /// <typeparam name="TComponent">The page or component.</typeparam>
    /// <param name="parameters">Its parameters by name (<c>[nameof(TicketsCustomerTab.CustomerId)] = 42L</c>), or null.</param>
    /// <returns>The providers and the component, rendered together.</returns>
    public IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderWithProviders<TComponent>(IReadOnlyDictionary<string, object>? parameters = null)
        where TComponent : IComponent
    {
        void Component(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder tree)
        {
            tree.OpenComponent<TComponent>(0);
            tree.AddMultipleAttributes(1, parameters);
            tree.CloseComponent();
        }

        return Render(tree =>
        {
            tree.OpenComponent<MudPopoverProvider>(0);
            tree.CloseComponent();
            tree.OpenComponent<MudDialogProvider>(1);
            tree.CloseComponent();
            tree.OpenComponent<MudSnackbarProvider>(2);
            tree.CloseComponent();
            tree.AddContent(3, Component);
        });
    }

    /// <summary>Disposes the context and deletes its database.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }

    private sealed record Manifest(string Id, string? Name, string Version);
}
