using System.Security.Claims;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace CrmBlazor.Host.Localization;

/// <summary>
/// <c>GET /culture?name=ta-IN&amp;returnUrl=/customers</c> (anonymous): keeps the chosen culture in the
/// culture cookie for a year and goes back to the page, a path of this site only. The culture picker
/// and the own-account page link here. For a signed-in user the choice is also remembered with the
/// account, so that the next sign-in, in any browser, starts in it.
/// </summary>
internal static class CultureEndpoint
{
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", async (HttpContext context, [FromQuery] string? name, [FromQuery] string? returnUrl) =>
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
            CultureCookie.Append(context.Response, culture);
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await context.RequestServices.GetRequiredService<OwnAccount>().RememberCultureAsync(userId, culture.Name, context.RequestAborted);
            }

            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}
