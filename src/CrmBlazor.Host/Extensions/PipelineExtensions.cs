using CrmBlazor.Host.Components;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Features.Export;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Http;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Operations;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Security;

namespace CrmBlazor.Host.Extensions;

internal static class PipelineExtensions
{
    public static WebApplication UseCrmPipeline(this WebApplication app, CrmStartup startup)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseHttpsTransport();
        app.UseSecurityHeaders();
        app.UseNoStoreCaching();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseEndpointProblems();
        app.UseRequestLocalization();
        app.UsePluginStaticFiles(startup.Catalog);
        app.UseAuthentication();
        app.UseCrmActor();
        app.UseApi();
        app.UseAuthorization();
        app.UseRequiredTwoFactorEnrolment();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();

        // Endpoints that are not pages: their errors are problem details, never an HTML page.
        var endpoints = app.MapGroup("").AnswersWithProblems();
        endpoints.MapHealth();
        endpoints.MapAccountEndpoints();
        endpoints.MapCultureEndpoint();
        endpoints.MapPersonalDataEndpoints();
        endpoints.MapCustomerExports();
        endpoints.MapOutboxAttachments();
        endpoints.MapStaffPersonalData();
        endpoints.MapUnsubscribe();
        endpoints.MapPluginEndpoints(startup.Catalog);
        app.MapApi();
        app.MapApiDocument();
        app.MapJobsDashboard();

        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. startup.Catalog.LoadedAssemblies]);
        return app;
    }
}
