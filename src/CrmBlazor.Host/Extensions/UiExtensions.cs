using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.Host.Extensions;

internal static class UiExtensions
{
    /// <summary>Interactive server components, MudBlazor and localisation.</summary>
    public static IHostApplicationBuilder AddCrmUi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
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
