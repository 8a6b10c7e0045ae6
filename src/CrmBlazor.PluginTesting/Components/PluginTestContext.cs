using System.Globalization;
using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using CrmBlazor.Data;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CrmBlazor.PluginTesting.Components;

/// <summary>
/// A bUnit context set up like the host's UI for one plugin: MudBlazor's services, localisation (the
/// plugin's <c>Resources/*.resx</c>), <see cref="UserDisplay"/> in the user's time zone (see
/// <see cref="UseTimeZone"/>), a signed-in user with a role and the permissions the plugin grants
/// that role, and the plugin's own services, settings and tables (its <c>Configure</c> runs; each of its
/// contexts is on a SQLite database of this context, with the plugin's SQLite migrations applied).
/// </summary>
/// <remarks>
/// The host's own services (<c>ICustomerDirectory</c>, <c>ITimeline</c>, <c>IJobScheduler</c>, ...) are
/// not here: add test doubles to <c>Services</c>, or test through <see cref="PluginHost"/>, which runs
/// the real host. Domain events a context publishes are stored by the host only.
/// </remarks>
/// <example>
/// <code>
/// await using var context = new PluginTestContext();
/// context.AddPlugin&lt;TicketsPlugin&gt;().SignIn(CrmRoles.Staff);
/// var page = context.Render&lt;TicketsPage&gt;();
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

        // As the host: the user's zone is the machine's clock unless a test chose one.
        Services.AddScoped(s => new UserDisplay(_timeZone ?? s.GetRequiredService<TimeProvider>().LocalTimeZone));
        _authorization = AddAuthorization();
    }

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
        var builder = new RecordingPluginBuilder(info, Services, configuration, DatabaseFile);
        new TPlugin().Configure(builder);
        _registrations = builder.Registrations;
        return this;
    }

    /// <summary>Signs in a user with a role, holding the permissions the plugin grants that role by default (every one for an administrator).</summary>
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
