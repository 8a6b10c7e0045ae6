using CrmBlazor.Documents;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Account.PasswordReset;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Dashboard;
using CrmBlazor.Host.Features.Figures;
using CrmBlazor.Host.Features.Import;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Messaging;
using CrmBlazor.Sdk.Security;
using CrmBlazor.Sdk.Timeline;
using CrmBlazor.Sdk.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmBlazor.Host.Extensions;

internal static class CoreFeatureExtensions
{
    /// <summary>The core CRM's services, and the SDK contracts the core implements for plugins.</summary>
    public static IHostApplicationBuilder AddCrmCoreFeatures(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        // How pages show instants, dates and money (the UI kit's UserDisplay, for the core and plugins),
        // in the signed-in user's time zone (chosen on /account), the firm's clock otherwise.
        services.AddSingleton<UserTimeZones>();
        services.AddScoped(s => new UserDisplay(s.GetRequiredService<UserTimeZones>().Of(s.GetRequiredService<CurrentUser>().UserId)));
        services.AddScoped<OwnAccount>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<CustomerAccess>();
        services.AddScoped<CustomerService>();
        services.AddScoped<CustomerQueries>();
        services.AddScoped<InteractionService>();
        services.AddScoped<InteractionQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<PluginSettingsService>();
        services.AddScoped<PluginArchives>();
        services.AddScoped<PluginData>();
        services.AddScoped<SecurityLogQueries>();
        services.AddScoped<PermissionMatrixQueries>();
        services.AddScoped<PermissionGrantService>();
        services.AddScoped<UserQueries>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<StaffPersonalData>();
        services.AddScoped<TwoFactorRequirements>();
        services.AddScoped<UserInvitations>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<PasswordResetAcceptance>();
        services.AddScoped<OutboxQueries>();
        services.AddScoped<OutboxAdministration>();
        var webhooks = WebhookSettings.FromConfiguration(builder.Configuration);
        services.AddSingleton(webhooks);
        services.AddScoped<WebhookAdministration>();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookTargets.Handler(webhooks.AllowPrivateTargets));
        services.AddSingleton<IMessageStatusReader, OutboxMessageStatuses>();
        services.AddSingleton(SendSettings.FromConfiguration(builder.Configuration));
        services.AddScoped<SendTemplates>();
        services.AddScoped<SendMessageWriter>();
        services.AddScoped<SendService>();
        services.AddScoped<SendQueries>();
        services.AddScoped<Unsubscribing>();
        services.AddSingleton<IRateLimits, SharedRateLimits>();
        services.AddSingleton<PasswordResetRateLimits>();
        // Replaced by the mail outbox's sender when there is one; until then requests wait for an administrator.
        services.AddScoped<AccountLinkMail>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<ITimeline, Timeline>();
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddScoped<IContactDirectory, ContactDirectory>();
        services.AddScoped<ICustomerFigures, CustomerFigures>();
        services.AddScoped<IFollowUps, FollowUps>();
        services.AddScoped<SegmentService>();
        services.AddScoped<CustomerImporter>();
        services.AddScoped<IAudienceDirectory, AudienceDirectory>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IServiceCatalogue, ServiceCatalogue>();
        services.AddScoped<ServiceAdministration>();

        // Message templates (decision 0020): the firm's name and default language are checked now, so
        // that a wrong value stops the start with its name.
        services.AddSingleton(FirmSettings.FromConfiguration(builder.Configuration));
        services.AddSingleton<MessageTemplateCatalog>();
        services.AddScoped<MessageTemplates>();
        services.AddScoped<IMessageTemplates>(s => s.GetRequiredService<MessageTemplates>());
        services.AddScoped<MessageTemplateService>();

        // IPdfRenderer for plugins (invoices, reports): see docs/decisions/0009-pdf-engine.md.
        services.AddCrmDocuments();
        return builder;
    }
}
