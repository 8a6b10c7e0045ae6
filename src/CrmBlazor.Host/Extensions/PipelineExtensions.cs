using CrmBlazor.Host.Components;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Export;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Http;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Operations;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Security;
using CrmBlazor.Sdk.Navigation;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

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
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();

        // Endpoints that are not pages: their errors are problem details, never an HTML page.
        var endpoints = app.MapGroup("").AnswersWithProblems();
        endpoints.MapHealth();
        endpoints.MapAccountEndpoints();
        endpoints.MapCultureEndpoint();
        endpoints.MapPersonalDataEndpoints();
        endpoints.MapCustomerExports();
        endpoints.MapPluginEndpoints(startup.Catalog);
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "CrmBlazor jobs",
            AppPath = "/",
        }).RequireAuthorization(CorePermissions.Administration);

        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. startup.Catalog.LoadedAssemblies]);
        return app;
    }

    private static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(AccountPaths.SignOut, async (HttpContext context, SignInManager<CrmUser> signIn, SecurityLog securityLog) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            await securityLog.WriteAsync(SecurityLog.SignedOut, name, context.Connection.RemoteIpAddress?.ToString(), null);
            return TypedResults.LocalRedirect(AccountPaths.SignIn);
        }).DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            // Validated here rather than by form binding, because the endpoint binds no form field.
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return TypedResults.Problem("The sign-out form has expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
    }

    private static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (HttpContext context, [FromQuery] string? name, [FromQuery] string? returnUrl) =>
        {
            var address = new AddressQuery();
            var chosen = address.Choice("name", name, CrmCultures.Names);
            if (string.IsNullOrWhiteSpace(name))
            {
                address.Refuse("name", null, "one of: " + string.Join(", ", CrmCultures.Names));
            }

            // Only a path of this site: anything else would make this an open redirect.
            var target = address.LocalPath("returnUrl", returnUrl) ?? "/";
            if (address.Refusal() is { } refusal)
            {
                return refusal;
            }

            var culture = CrmCultures.Find(chosen)!;

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.Name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(target);
        }).AllowAnonymous();

    private static void MapPersonalDataEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/customers/{id:long}/personal-data", async (long id, PersonalDataService privacy, CancellationToken cancellationToken) =>
        {
            var export = await privacy.ExportAsync(id, cancellationToken);
            return export is null
                ? Results.NotFound()
                : Results.Text(export.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), "application/json; charset=utf-8");
        })
        .RequireAuthorization(CorePermissions.Privacy)
        // A JSON download, not a page: refused with 401/403 rather than a redirect to an HTML page.
        .DisableCookieRedirect();

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Sdk.Authorization.CrmRoles.Admin);
    }
}
