using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.Host.Extensions;

internal static class UiExtensions
{
    /// <summary>
    /// The largest message the browser may send over a circuit, in bytes. What a user types travels as
    /// one message per field (a change or input event); a message over the limit makes the server drop
    /// the connection, and the edit is lost while the form goes on as if nothing happened (ASP.NET
    /// Core's default of 32 KB lost a pasted 40,000-character name, and the form then said "saved").
    /// So the limit is derived from the longest text a field takes (<see cref="InputLimits.Longest"/>):
    /// the event carries the field's value twice (as the event's value and as the field's value, which
    /// Blazor uses to keep the render tree in step), each as JSON, where one UTF-16 unit takes at most
    /// six bytes (a control character or a lone surrogate is written as \u001b; letters take at most
    /// three bytes of UTF-8), plus 16 KB for the rest of the message. Every field's <c>maxlength</c> is
    /// at most that long, and wwwroot/js/input-limits.js cuts a longer value set by a script before it
    /// is sent, so every value arrives and is validated.
    /// </summary>
    public const int MaximumReceiveMessageSize = (InputLimits.Longest * 2 * 6) + (16 * 1024);

    /// <summary>Interactive server components, MudBlazor and localisation.</summary>
    public static IHostApplicationBuilder AddCrmUi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = MaximumReceiveMessageSize);
        services.AddMudServices(options =>
        {
            // MudBlazor draws a snackbar at 95% opacity by default, which lets the page behind bleed into
            // its colour: white on the success green then measures under 4.5:1. Messages are drawn opaque,
            // and fade in and out quickly so that one carried over to the next page is soon gone or whole.
            options.SnackbarConfiguration.MaximumOpacity = 100;
            options.SnackbarConfiguration.ShowTransitionDuration = 200;
            options.SnackbarConfiguration.HideTransitionDuration = 400;
        });
        // MudBlazor's own texts (pagers, "Loading"...) from the host's resources, in the user's language.
        services.AddTransient<MudLocalizer, CrmMudLocalizer>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(CrmCultures.Default)
                .AddSupportedCultures(CrmCultures.Names)
                .AddSupportedUICultures(CrmCultures.Names);
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        return builder;
    }
}
