using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Sdk.Plugins;

/// <summary>
/// What a plugin registers at start-up: its services and each of its contributions to the host.
/// Every method returns the builder so that registrations can be chained.
/// </summary>
/// <remarks>
/// Routable components (<c>@page</c>) in the plugin assembly are found without registration; protect
/// them with <c>[Authorize(Policy = "&lt;permission&gt;")]</c>. Every page requires a signed-in user
/// unless it carries <c>[AllowAnonymous]</c>. Anonymous visitors cannot open an interactive circuit,
/// so a public page must also carry <c>[ExcludeFromInteractiveRouting]</c> to be rendered statically,
/// as the host's sign-in page is.
/// </remarks>
public interface IPluginBuilder
{
    /// <summary>The plugin being configured.</summary>
    PluginInfo Plugin { get; }

    /// <summary>
    /// The plugin's services. Register here what the plugin's pages, jobs and handlers need, and the
    /// SDK contracts it implements for other plugins (for example <c>services.AddScoped&lt;IBillableTimeSource, ...&gt;()</c>).
    /// </summary>
    IServiceCollection Services { get; }

    /// <summary>The plugin's configuration section, <c>Plugins:&lt;id&gt;</c> of the host configuration.</summary>
    IConfiguration Configuration { get; }

    /// <summary>
    /// Binds <typeparamref name="TSettings"/> to <see cref="Configuration"/>, validates it at once (data
    /// annotations, <c>IValidatableObject</c> and the text rule of <c>InputValidation</c>) and makes it
    /// available as <c>IOptions&lt;TSettings&gt;</c>. Invalid settings refuse the plugin (state
    /// <c>failed</c>) with the reason; the host starts without it.
    /// </summary>
    /// <typeparam name="TSettings">The settings class.</typeparam>
    IPluginBuilder AddSettings<TSettings>() where TSettings : class;

    /// <summary>
    /// Names the resource class whose localised strings translate the titles this plugin registers
    /// (menu entries, tabs, widgets, permissions, timeline kinds). Without it they are shown as given.
    /// </summary>
    /// <typeparam name="TResource">A class with <c>.resx</c> resources next to it.</typeparam>
    IPluginBuilder UseResources<TResource>();

    /// <summary>
    /// Declares a permission. It becomes an authorization policy of the same name, usable with
    /// <c>[Authorize(Policy = ...)]</c> and <c>IAuthorizationService</c>. The roles named in
    /// <see cref="Permission.DefaultRoles"/> receive it the first time the host sees it; admins can
    /// change that later. Administrators always hold every permission.
    /// </summary>
    /// <param name="permission">The permission; its name must start with the plugin id and a dot.</param>
    IPluginBuilder AddPermission(Permission permission);

    /// <summary>Adds an entry to the main menu, shown only to users who hold its permission.</summary>
    /// <param name="item">The menu entry.</param>
    IPluginBuilder AddMenuItem(MenuItem item);

    /// <summary>Adds a tab to the customer page.</summary>
    /// <typeparam name="TComponent">A component deriving from <see cref="CustomerTabBase"/>.</typeparam>
    /// <param name="title">The tab title (localised through <see cref="UseResources{TResource}"/>).</param>
    /// <param name="order">Position among the tabs; the core's own tabs use multiples of 100.</param>
    /// <param name="permission">Permission a user needs to see the tab, or null for every user who can see the customer.</param>
    IPluginBuilder AddCustomerTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : CustomerTabBase;

    /// <summary>
    /// Adds a tab to the project page of the projects plugin, which renders it through
    /// <see cref="IProjectTabs"/>; without the projects plugin the tab is never shown.
    /// </summary>
    /// <typeparam name="TComponent">A component deriving from <see cref="ProjectTabBase"/>.</typeparam>
    /// <param name="title">The tab title (localised through <see cref="UseResources{TResource}"/>).</param>
    /// <param name="order">Position after the project page's own tabs, among the tabs of other plugins.</param>
    /// <param name="permission">Permission a user needs to see the tab, or null for every user who can see the project.</param>
    IPluginBuilder AddProjectTab<TComponent>(string title, int order = 500, string? permission = null)
        where TComponent : ProjectTabBase;

    /// <summary>Adds a widget to the dashboard.</summary>
    /// <typeparam name="TComponent">The widget component.</typeparam>
    /// <param name="title">The widget title (localised through <see cref="UseResources{TResource}"/>).</param>
    /// <param name="order">Position among the widgets.</param>
    /// <param name="permission">Permission a user needs to see the widget, or null for everyone.</param>
    /// <param name="size">How much of the dashboard's width it takes.</param>
    IPluginBuilder AddDashboardWidget<TComponent>(string title, int order = 500, string? permission = null, WidgetSize size = WidgetSize.Half)
        where TComponent : IComponent;

    /// <summary>
    /// Registers the plugin's own DbContext. The host configures it for the database in use, applies
    /// its migrations at start-up (the set matching the provider, see <see cref="PluginDbContext"/>),
    /// keeps its migrations history in a table of its own and prefixes its tables with the plugin id
    /// (hyphens become underscores: <c>fixture_alpha_notes</c> for a plugin <c>fixture-alpha</c>).
    /// Inject the context, or <c>IDbContextFactory&lt;TContext&gt;</c> in components.
    /// </summary>
    /// <typeparam name="TContext">The context type.</typeparam>
    IPluginBuilder AddDbContext<TContext>() where TContext : PluginDbContext;

    /// <summary>
    /// Registers a background job that can be queued with <see cref="IJobScheduler"/>.
    /// </summary>
    /// <typeparam name="TJob">The job; resolved from a fresh scope for every run.</typeparam>
    /// <param name="key">The job key, unique within the plugin (<c>budget-check</c>).</param>
    IPluginBuilder AddJob<TJob>(string key) where TJob : class, IPluginJob;

    /// <summary>
    /// Registers a recurring job. Its id is <c>&lt;plugin id&gt;:&lt;key&gt;</c>; registering it again at
    /// the next start updates the schedule instead of adding a second job. A schedule that is not a cron
    /// expression refuses the plugin (state <c>failed</c>) with the reason; the host starts without it.
    /// </summary>
    /// <typeparam name="TJob">The job; resolved from a fresh scope for every run.</typeparam>
    /// <param name="key">The job key, unique within the plugin.</param>
    /// <param name="cron">
    /// A cron expression in UTC: five fields (minute, hour, day of the month, month, day of the week),
    /// e.g. <c>"0 2 * * *"</c> for 02:00 every night, or six with seconds first.
    /// </param>
    IPluginBuilder AddRecurringJob<TJob>(string key, string cron) where TJob : class, IPluginJob;

    /// <summary>
    /// Registers a recurring job whose schedule comes from the plugin's settings, e.g.
    /// <c>AddRecurringJob&lt;MonthlyRunJob, InvoicingSettings&gt;("monthly-run", settings =&gt; $"0 3 {settings.MonthlyRunDay} * *")</c>.
    /// The settings are the ones <see cref="AddSettings{TSettings}"/> bound and validated, so call it
    /// first; the schedule is checked like the one of <see cref="AddRecurringJob{TJob}(string, string)"/>.
    /// An invalid setting or schedule refuses the plugin with the reason; the host starts without it.
    /// </summary>
    /// <typeparam name="TJob">The job; resolved from a fresh scope for every run.</typeparam>
    /// <typeparam name="TSettings">The settings class registered with <see cref="AddSettings{TSettings}"/>.</typeparam>
    /// <param name="key">The job key, unique within the plugin.</param>
    /// <param name="cron">The cron expression (UTC) for the validated settings.</param>
    IPluginBuilder AddRecurringJob<TJob, TSettings>(string key, Func<TSettings, string> cron)
        where TJob : class, IPluginJob
        where TSettings : class;

    /// <summary>
    /// Subscribes a handler to a domain event, whoever publishes it. Handlers run in a background job
    /// after the publishing transaction commits, at least once; they must be idempotent.
    /// </summary>
    /// <typeparam name="TEvent">The event type; matched by its <see cref="DomainEventAttribute"/> name.</typeparam>
    /// <typeparam name="THandler">The handler; resolved from a fresh scope for every delivery.</typeparam>
    IPluginBuilder AddEventHandler<TEvent, THandler>()
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>;

    /// <summary>
    /// Offers a domain event to outgoing webhooks: administrators can subscribe a URL to
    /// <paramref name="type"/> on <c>/admin/webhooks</c>, and each committed event of
    /// <typeparamref name="TEvent"/> is then signed and posted to it (docs/webhooks.md). Deliveries of
    /// the same <paramref name="subject"/> reach a subscriber in the order the events occurred.
    /// </summary>
    /// <typeparam name="TEvent">The domain event; matched by its <see cref="DomainEventAttribute"/> name.</typeparam>
    /// <param name="type">The stable webhook event type, prefixed with the plugin id: <c>invoicing.invoice-issued</c>.</param>
    /// <param name="title">The title administrators choose it by (localised through <see cref="UseResources{TResource}"/>).</param>
    /// <param name="subject">The record the event is about (its id), which orders the deliveries.</param>
    /// <param name="payload">
    /// The public fields sent as the payload's <c>data</c> (serialised as JSON, camelCase); no personal
    /// data beyond what the CRM's API shows. Return null when an event is not of this type (one domain
    /// event may feed several webhook types, e.g. only the won closures of an opportunity).
    /// </param>
    IPluginBuilder AddWebhookEvent<TEvent>(string type, string title, Func<TEvent, string> subject, Func<TEvent, object?> payload)
        where TEvent : IDomainEvent;

    /// <summary>
    /// Declares a kind of timeline entry the plugin records, with its title and icon. The customer
    /// timeline shows each entry with its kind's title (translated through <see cref="UseResources{TResource}"/>)
    /// and icon and offers the kind as a filter; an erased person's entries keep only the kind's title.
    /// </summary>
    /// <param name="kind">The kind.</param>
    IPluginBuilder AddTimelineKind(TimelineKind kind);

    /// <summary>
    /// Contributes the plugin's data about a person to personal-data exports and erasures.
    /// </summary>
    /// <typeparam name="TContributor">The contributor; resolved from a scope for every export or erasure.</typeparam>
    IPluginBuilder AddPersonalData<TContributor>() where TContributor : class, IPersonalDataContributor;

    /// <summary>
    /// Contributes the plugin's data about a member of staff (a user) to the export and the erasure of
    /// that user's personal data on the users page.
    /// </summary>
    /// <typeparam name="TContributor">The contributor; resolved from a scope for every export or erasure.</typeparam>
    IPluginBuilder AddStaffPersonalData<TContributor>() where TContributor : class, IStaffPersonalDataContributor;

    /// <summary>
    /// Declares a figure the plugin keeps about customers (set its values with <c>ICustomerFigures</c>);
    /// segment rules and the customer page can use it.
    /// </summary>
    /// <param name="figure">The figure; its id must start with the plugin id and a dot.</param>
    IPluginBuilder AddCustomerFigure(CustomerFigureDefinition figure);

    /// <summary>
    /// Registers a message the plugin sends (an invoice, a reminder, a survey link) with its default texts
    /// per language. The firm edits its wording per language on <c>/messages</c>; render it with
    /// <see cref="IMessageTemplates"/>. Texts with Liquid syntax errors or fields that are neither standard
    /// nor the template's own refuse the plugin (state <c>failed</c>) with the line and column.
    /// </summary>
    /// <param name="template">The template; its key must start with the plugin id and a dot, its title is
    /// translated through <see cref="UseResources{TResource}"/>, and it needs an English default.</param>
    IPluginBuilder AddMessageTemplate(MessageTemplateDefinition template);

    /// <summary>
    /// Maps HTTP endpoints of the plugin (downloads, exports, previews) in a route group at
    /// <c>/&lt;plugin id&gt;</c>: <c>map(group => group.MapGet("/invoices/{id:long}.pdf", ...))</c> answers
    /// <c>/invoicing/invoices/42.pdf</c> for a plugin <c>invoicing</c>. Every endpoint requires a signed-in
    /// user; add <c>RequireAuthorization("&lt;permission&gt;")</c> for more, and check again in the services.
    /// The endpoints answer 404 while the plugin is not active (for example after its initializer failed).
    /// Every error they answer gets an RFC 9457 problem-details body from the host (an empty error status,
    /// a value the framework cannot bind); read query values with <see cref="Navigation.AddressQuery"/>
    /// and answer its <see cref="Navigation.AddressQuery.Refusal"/> for a 400 that names the bad value.
    /// </summary>
    /// <param name="map">Maps the endpoints on the plugin's route group.</param>
    IPluginBuilder MapEndpoints(Action<IEndpointRouteBuilder> map);

    /// <summary>Registers work to run at every start, after the plugin's migrations.</summary>
    /// <typeparam name="TInitializer">The initializer; resolved from a scope.</typeparam>
    IPluginBuilder AddInitializer<TInitializer>() where TInitializer : class, IPluginInitializer;
}
