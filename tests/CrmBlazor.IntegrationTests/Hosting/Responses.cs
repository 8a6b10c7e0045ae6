using System.Net;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>Assertions on how the host answered a request.</summary>
public static class Responses
{
    /// <summary>The sign-in page, where anonymous visitors of protected pages are sent.</summary>
    public const string SignInPath = "/account/login";

    /// <summary>The page where signed-in users are sent when they lack a permission.</summary>
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>Asserts a redirect to a path, and returns the target URL.</summary>
    /// <param name="response">The response.</param>
    /// <param name="path">The path expected (the query is not compared).</param>
    public static Uri AssertRedirectTo(HttpResponseMessage response, string path)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("https://localhost"), response.Headers.Location!);
        Assert.Equal(path, location.AbsolutePath);
        return location;
    }

    /// <summary>Asserts that a signed-in user was refused: sent to the access-denied page.</summary>
    /// <param name="response">The response.</param>
    public static void AssertAccessDenied(HttpResponseMessage response) => AssertRedirectTo(response, AccessDeniedPath);
}
