using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Extensions;

internal static class IdentityExtensions
{
    /// <summary>The default scheme: forwards to the API's tokens under <c>/api</c>, to the cookie elsewhere.</summary>
    private const string ByPath = "CrmByPath";

    /// <summary>
    /// ASP.NET Core Identity with the OWASP ASVS 5.0 password rules (at least 8 characters, no
    /// composition rules, long passphrases allowed, the 10,000 most common passwords refused), lock-out after repeated failures, secure cookies,
    /// sessions stored on the server, permission policies, and a fallback policy that requires a
    /// signed-in user everywhere.
    /// </summary>
    public static IHostApplicationBuilder AddCrmIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();

        // Requests under /api authenticate with a personal access token only, everything else with the
        // cookie: a browser's cookie never authenticates the API (no CSRF), a token never a page.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ByPath;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(ByPath, ByPath, options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments(ApiEndpoints.Root) ? ApiAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiAuthenticationHandler>(ApiAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ApiProblems>();

        services.AddIdentityCore<CrmUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // SignInLockout counts failures per address in the security log with these numbers, for
                // accounts and unknown addresses alike; Identity's LockoutEnd remains for administrators' locks.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                // Deactivated and invited accounts cannot sign in (AccountInUse).
                options.SignIn.RequireConfirmedAccount = true;
                // Each code of the authenticator app signs in once (SingleUseAuthenticatorCodes).
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorCodes.Name;
            })
            .AddRoles<CrmRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorCodes>(SingleUseAuthenticatorCodes.Name);
        services.AddScoped(s => (LocalizedIdentityErrors)s.GetRequiredService<IdentityErrorDescriber>());
        services.AddScoped<IPasswordValidator<CrmUser>, MaximumLengthPasswordValidator>();
        services.AddScoped<IPasswordValidator<CrmUser>, CommonPasswordValidator>();
        services.AddScoped<IUserConfirmation<CrmUser>, AccountInUse>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<Reauthentication>();
        services.AddSingleton<RequiredTwoFactor>();
        services.AddSingleton<DecoyPasswordHash>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = AccountPaths.SignIn;
            options.LogoutPath = AccountPaths.SignOut;
            options.AccessDeniedPath = AccountPaths.AccessDenied;
            options.Cookie.Name = ".CrmBlazor.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });

        // Sessions live in the database (crm_user_sessions), so that signing out, and ending a user's
        // sessions, refuses the cookie at once on every instance: docs/decisions/0011-server-side-sessions.md.
        services.AddSingleton<UserSessionStore>();
        services.AddSingleton<UserSessions>();
        // Requests re-read the account every minute: a changed security stamp (a deactivation) refuses
        // the session, and a role change reaches the principal without signing in again.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = RevalidatingAuthenticationStateProvider.Interval;
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal is { } current && context.NewPrincipal is { } fresh)
                {
                    context.NewPrincipal = RefreshedPrincipal.KeepingSessionClaims(current, fresh);
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<UserSessionStore>((options, store) => options.SessionStore = store);
        services.AddAntiforgery(options =>
        {
            // The token cookie carries no identity; it follows the request's scheme so that forms also
            // work on http://localhost during development. Authentication cookies are always Secure.
            options.Cookie.Name = ".CrmBlazor.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddMemoryCache();
        services.AddSingleton<PermissionGrants>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<SecurityLog>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddCrmActorTracking();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(CrmRoles.Admin, p => p.RequireRole(CrmRoles.Admin));
        return builder;
    }
}
