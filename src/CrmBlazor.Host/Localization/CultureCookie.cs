using Microsoft.AspNetCore.Localization;

namespace CrmBlazor.Host.Localization;

/// <summary>The culture cookie that pages are rendered in (read by the request localization middleware).</summary>
internal static class CultureCookie
{
    /// <summary>Keeps a culture in the cookie for a year.</summary>
    /// <param name="response">The response that sets the cookie.</param>
    /// <param name="culture">A supported culture.</param>
    public static void Append(HttpResponse response, CrmCulture culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture.Name)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
