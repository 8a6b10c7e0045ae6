using CrmBlazor.Host.Identity;

namespace CrmBlazor.Host.Features.Account;

/// <summary>The account endpoints the cookie handler, the pipeline and the session store agree on.</summary>
internal static class AccountPaths
{
    /// <summary>The sign-in page (static SSR form).</summary>
    public const string SignIn = "/account/login";

    /// <summary>The second step of signing in for an account with two-factor sign-in: the code (static SSR form).</summary>
    public const string SignInWithCode = "/account/login/two-factor";

    /// <summary>The page that turns two-factor sign-in on and off for the signed-in user (static form).</summary>
    public const string TwoFactor = "/account/two-factor";

    /// <summary>The sign-out endpoint (form POST with an antiforgery token).</summary>
    public const string SignOut = "/account/logout";

    /// <summary>The endpoint that ends every session of the user (form POST with an antiforgery token).</summary>
    public const string SignOutEverywhere = "/account/logout-everywhere";

    /// <summary>The signed-in user's own account page (a name other pages and the documentation use).</summary>
    public const string Account = "/account";

    /// <summary>The page that changes the signed-in user's password (static form: it re-issues the cookie).</summary>
    public const string ChangePassword = "/account/password";

    /// <summary>The page shown to a signed-in user refused by a policy.</summary>
    public const string AccessDenied = "/account/access-denied";
}
