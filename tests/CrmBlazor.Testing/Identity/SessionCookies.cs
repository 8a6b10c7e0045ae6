using CrmBlazor.Host.Identity;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>
/// The authentication cookie as an attacker replays it with curl: taken from the sign-in response and
/// sent as it is by a client that keeps no cookies of its own and follows no redirects.
/// </summary>
public static class SessionCookies
{
    /// <summary>The name of the antiforgery cookie.</summary>
    public const string AntiforgeryCookie = ".CrmBlazor.Antiforgery";

    /// <summary>Signs in through the sign-in form and returns the authentication cookie as "name=value".</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The user.</param>
    /// <exception cref="InvalidOperationException">The sign-in failed.</exception>
    public static async Task<string> SignInForCookieAsync(this CrmHostFactory host, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        using var browser = host.CreateBrowserClient();
        using var response = await LoginForm.SubmitAsync(browser, user.Email, user.Password);
        return CookieOf(response) ?? throw new InvalidOperationException($"Signing in as {user.Email} set no authentication cookie.");
    }

    /// <summary>The authentication cookie a response sets, as "name=value", or null.</summary>
    /// <param name="response">The response.</param>
    public static string? CookieOf(HttpResponseMessage response) =>
        LoginForm.SetCookieHeader(response, LoginForm.AuthenticationCookie)?.Split(';')[0];

    /// <summary>The value of a "name=value" cookie.</summary>
    /// <param name="cookie">The cookie.</param>
    public static string ValueOf(string cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        return cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>Requests a path with nothing but the given cookie.</summary>
    /// <param name="host">The host.</param>
    /// <param name="path">The path.</param>
    /// <param name="cookie">The authentication cookie, "name=value".</param>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this CrmHostFactory host, string path, string cookie)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = Replaying(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Signs out as the user menu's form does: <c>POST /account/logout</c> with the authentication
    /// cookie and an antiforgery token for the user. The menu's token is rendered inside the circuit,
    /// out of reach of an HTTP client, so the token is made by the host's own antiforgery service for
    /// the user's principal, which is what the circuit does too.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cookie">The user's authentication cookie, "name=value".</param>
    public static Task<HttpResponseMessage> SignOutWithCookieAsync(this CrmHostFactory host, TestUser user, string cookie) =>
        host.PostMenuFormWithCookieAsync(user, cookie, "/account/logout");

    /// <summary>
    /// Posts a form of the signed-in pages that has no field but its antiforgery token (sign out, sign out
    /// everywhere), with the authentication cookie and a token made for the user as in
    /// <see cref="SignOutWithCookieAsync"/>.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cookie">The user's authentication cookie, "name=value".</param>
    /// <param name="path">The form's action.</param>
    public static async Task<HttpResponseMessage> PostMenuFormWithCookieAsync(this CrmHostFactory host, TestUser user, string cookie, string path)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        var tokens = await host.InScopeAsync(async services =>
        {
            var account = await services.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email)
                ?? throw new InvalidOperationException($"There is no user {user.Email}.");
            var context = new DefaultHttpContext
            {
                RequestServices = services,
                User = await services.GetRequiredService<SignInManager<CrmUser>>().CreateUserPrincipalAsync(account),
            };
            return services.GetRequiredService<IAntiforgery>().GetTokens(context);
        });

        using var client = Replaying(host);
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", tokens.RequestToken!)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", $"{cookie}; {AntiforgeryCookie}={tokens.CookieToken}");
        return await client.SendAsync(request);
    }

    private static HttpClient Replaying(CrmHostFactory host) => host.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });
}
