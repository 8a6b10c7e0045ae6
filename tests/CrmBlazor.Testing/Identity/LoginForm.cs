using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Testing;

/// <summary>
/// Signs in the way a browser does: loads <c>/account/login</c>, takes the antiforgery token from the
/// form and posts the form back with <c>_handler=signin</c>.
/// </summary>
public static partial class LoginForm
{
    /// <summary>The path of the sign-in page.</summary>
    public const string Path = "/account/login";

    /// <summary>The name of the authentication cookie.</summary>
    public const string AuthenticationCookie = ".CrmBlazor.Auth";

    /// <summary>Signs a new browser client in and returns it.</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The user.</param>
    /// <exception cref="InvalidOperationException">The sign-in failed; the message has the page's error.</exception>
    public static async Task<HttpClient> SignInAsync(this CrmHostFactory host, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        var client = host.CreateBrowserClient();
        using var response = await SubmitAsync(client, user.Email, user.Password);
        if (response.StatusCode != HttpStatusCode.Redirect || !SetsCookie(response, AuthenticationCookie))
        {
            var page = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException(
                $"Signing in as {user.Email} failed with {(int)response.StatusCode}: {ErrorOf(page) ?? "no error shown"}.");
        }

        return client;
    }

    /// <summary>Signs a new browser client in as the administrator created at start-up.</summary>
    /// <param name="host">The host.</param>
    public static Task<HttpClient> SignInAsAdministratorAsync(this CrmHostFactory host) => host.SignInAsync(CrmHostFactory.Administrator);

    /// <summary>Loads the sign-in form and submits it; returns the response as it is (a redirect on success).</summary>
    /// <param name="client">A browser client (see <see cref="CrmHostFactory.CreateBrowserClient"/>).</param>
    /// <param name="email">The e-mail address typed in.</param>
    /// <param name="password">The password typed in.</param>
    /// <param name="query">The sign-in page's query (<c>?returnUrl=...</c>), or empty.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, string password, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(Path + query);
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "signin"),
            new("__RequestVerificationToken", AntiforgeryToken(form)),
            new("Input.Email", email),
            new("Input.Password", password),
        ]);
        return await client.PostAsync(Path + query, content);
    }

    /// <summary>The error message the sign-in page shows, or null.</summary>
    /// <param name="page">The page's HTML.</param>
    public static string? ErrorOf(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var match = SignInError().Match(page);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value.Trim()) : null;
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    /// <param name="page">The page's HTML.</param>
    /// <exception cref="InvalidOperationException">The page has no token.</exception>
    public static string AntiforgeryToken(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var match = TokenField().Match(page);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The page has no __RequestVerificationToken field.");
    }

    /// <summary>Whether a response sets a cookie.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie name.</param>
    public static bool SetsCookie(HttpResponseMessage response, string name) => SetCookieHeader(response, name) is not null;

    /// <summary>The Set-Cookie header that sets a cookie, or null.</summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie name.</param>
    public static string? SetCookieHeader(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken" """, RegexOptions.IgnoreCase)]
    private static partial Regex TokenField();

    [GeneratedRegex("""data-testid="signin-error"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex SignInError();
}
