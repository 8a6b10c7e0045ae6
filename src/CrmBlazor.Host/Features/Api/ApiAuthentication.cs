using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Api;

/// <summary>The claims a token's principal carries besides the user's own.</summary>
public static class ApiClaims
{
    /// <summary>The token's id: present only on principals authenticated with a token.</summary>
    public const string Token = "crm:api_token";

    /// <summary>The token's name.</summary>
    public const string TokenName = "crm:api_token_name";

    /// <summary>One claim per scope (permission name) of the token.</summary>
    public const string Scope = "crm:scope";

    /// <summary>When the token expires (ISO 8601).</summary>
    public const string Expires = "crm:api_token_expires";

    /// <summary>The user's chosen language, when they chose one.</summary>
    public const string Culture = "crm:api_culture";

    /// <summary>Whether the principal was authenticated with an API token.</summary>
    /// <param name="user">The principal.</param>
    public static bool IsToken(ClaimsPrincipal user) => user?.HasClaim(c => c.Type == Token) == true;

    /// <summary>Whether a token principal's token has a scope (false for every other principal).</summary>
    /// <param name="user">The principal.</param>
    /// <param name="permission">The permission name.</param>
    public static bool HasScope(ClaimsPrincipal user, string permission) =>
        user?.HasClaim(c => c.Type == Scope && c.Value == permission) == true;
}

/// <summary>
/// The <c>ApiAuthentication</c> scheme: a personal access token in <c>Authorization: Bearer crm_…</c>.
/// The principal is the token's user with the claims the UI gives them (roles, name, security stamp) and
/// the token's scopes; <see cref="PermissionHandler"/> grants a permission only when both the user holds it
/// and the token has it. A missing, malformed, wrong, revoked or expired token, or a user who is
/// deleted, deactivated or locked out, is refused with 401 and <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
/// </summary>
/// <remarks>Requests under <c>/api</c> use only this scheme (see <c>IdentityExtensions</c>), so a browser's cookie never authenticates them.</remarks>
internal sealed class ApiAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<CrmUser> users,
    SignInManager<CrmUser> signIn,
    ApiProblems problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiAuthentication";

    private const string BearerStart = "Bearer ";

    private bool _presented;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        _presented = true;
        if (!header.StartsWith(BearerStart, StringComparison.OrdinalIgnoreCase)
            || await tokens.FindAsync(header[BearerStart.Length..].Trim(), Context.RequestAborted) is not { } token)
        {
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        var user = await users.FindByIdAsync(token.UserId);
        // Deactivated and invited accounts (AccountInUse) and locked-out ones are refused as at sign-in.
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            return AuthenticateResult.Fail("The API token's user may not sign in.");
        }

        var uiPrincipal = await signIn.CreateUserPrincipalAsync(user);
        var identity = new ClaimsIdentity(uiPrincipal.Claims, SchemeName, ClaimsIdentity.DefaultNameClaimType, ClaimsIdentity.DefaultRoleClaimType);
        identity.AddClaim(new Claim(ApiClaims.Token, token.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ApiClaims.TokenName, token.Name));
        identity.AddClaim(new Claim(ApiClaims.Expires, token.ExpiresAt.ToString("O", CultureInfo.InvariantCulture)));
        foreach (var scope in token.ScopeList)
        {
            identity.AddClaim(new Claim(ApiClaims.Scope, scope));
        }

        // Problems are answered in the user's language when they chose one (Accept-Language otherwise): ApiEndpoints.UseApi.
        if (CrmCultures.Find(user.Culture) is { } culture)
        {
            identity.AddClaim(new Claim(ApiClaims.Culture, culture.Name));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = _presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return problems.WriteAsync(Context, StatusCodes.Status403Forbidden);
    }
}
