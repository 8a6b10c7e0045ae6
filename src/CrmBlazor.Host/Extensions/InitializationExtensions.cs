using CrmBlazor.Data;
using CrmBlazor.Host.Features.DemoData;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Jobs;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Plugins;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Extensions;

internal static class InitializationExtensions
{
    /// <summary>
    /// What runs once the application is built and before it serves: plugin migrations and
    /// initializers in dependency order (a plugin that fails is withdrawn, with its dependents), the
    /// first administrator, permission defaults, recurring jobs, and work lost by an in-memory queue.
    /// </summary>
    public static async Task InitializeCrmAsync(this WebApplication app, CrmStartup startup)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CrmBlazor.Startup");
        var catalog = startup.Catalog;
        var stopping = app.Lifetime.ApplicationStopping;
        var startedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        foreach (var plugin in catalog.Loaded)
        {
            // A plugin withdrawn meanwhile (its dependency failed) is not migrated or initialised.
            if (!plugin.IsLoaded)
            {
                continue;
            }

            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                foreach (var contextType in plugin.Contributions.DbContextTypes)
                {
                    var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                    await context.Database.MigrateAsync(stopping);
                }

                foreach (var initializerType in plugin.Contributions.Initializers)
                {
                    var initializer = (IPluginInitializer)scope.ServiceProvider.GetRequiredService(initializerType);
                    await initializer.InitializeAsync(stopping);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var withdrawn = catalog.MarkFailed(plugin.Id, "Failed while migrating or initialising: " + PluginDiscovery.Describe(e));
                logger.LogError(e, "Plugin {PluginId} failed to start; withdrawn: {Withdrawn}", plugin.Id, string.Join(", ", withdrawn));
            }
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await AdminBootstrap.EnsureAsync(scope.ServiceProvider, app.Configuration, app.Environment, logger);
        }

        await app.Services.GetRequiredService<PermissionGrants>().SeedAsync(catalog, stopping);
        if (app.Configuration.GetValue<bool>("Crm:DemoData"))
        {
            await DemoDataSeeder.SeedAsync(app.Services, startup.Database, logger, stopping);
        }

        await PrintSignInAsync(app, logger);

        // Operators see at once whether mail leaves this machine (never the password).
        var mail = app.Services.GetRequiredService<MailSettings>();
        logger.LogInformation("Mail: {MailSettings}", mail.CanSend ? $"sent through {mail}" : $"{MailSettings.NoMailServerReason}; messages are kept in the outbox, unsent");
        if (mail.CanSend && AccountLinkMail.PublicUrlOf(app.Configuration) is null)
        {
            logger.LogWarning("Mail: {Setting} is not set (or not an http(s) address), so invitation and password reset links are shown to administrators instead of e-mailed; set it to the address people open the CRM at", AccountLinkMail.PublicUrlSetting);
        }
        RecurringJobRegistration.Synchronise(
            catalog,
            app.Services.GetRequiredService<IRecurringJobManager>(),
            app.Services.GetRequiredService<JobStorage>(),
            logger);

        if (startup.Database.Provider == DatabaseProvider.Sqlite)
        {
            await JobRecovery.RequeueUnfinishedAsync(app.Services, startedAt, logger, stopping);
        }
        else
        {
            await JobRecovery.RequeueUnqueuedMessagesAsync(app.Services, startedAt, logger, stopping);
        }
    }

    /// <summary>
    /// Tells whoever started the host where to sign in: the configured administrator's address when
    /// that account exists, and its password only when it is still the development default shipped in
    /// appsettings.json (checked against the account, in Development only); a configured or changed
    /// password is never logged, and an address the database does not know is not offered.
    /// </summary>
    private static async Task PrintSignInAsync(WebApplication app, ILogger logger)
    {
        var email = app.Configuration["Crm:Admin:Email"];
        string account;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CrmUser>>();
            var admin = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
            account = admin is null
                ? "an account of this database"
                : app.Environment.IsDevelopment() && app.Configuration["Crm:Admin:Password"] == AdminBootstrap.ShippedPassword
                    && await users.CheckPasswordAsync(admin, AdminBootstrap.ShippedPassword)
                    ? $"{email} with {AdminBootstrap.ShippedPassword}"
                    : $"{email} with its password";
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault() ?? "the configured address";
            logger.LogInformation("CrmBlazor is ready. Open {Url} and sign in as {Account}.", url, account);
            if (app.Configuration.GetValue<bool>("Crm:DemoData") && app.Environment.IsDevelopment())
            {
                logger.LogInformation("Demo users (password {DemoPassword}): {DemoUsers}", DemoFirm.StaffPassword,
                    string.Join(", ", DemoFirm.Staff.Select(s => $"{s.Email} ({s.Role})")));
            }
        });
    }
}
