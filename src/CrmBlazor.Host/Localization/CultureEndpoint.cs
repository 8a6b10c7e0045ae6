using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CrmBlazor.Host.Localization;

/// <summary>
/// <c>GET /culture?name=ta-IN&amp;returnUrl=/customers</c> (anonymous): keeps the chosen culture in the
/// culture cookie for a year and goes back to the page, a path of this site only. The culture picker
/// links here.
/// </summary>
internal static class CultureEndpoint
{
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
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
}
