using CrmBlazor.Host.Localization;
using Microsoft.AspNetCore.Localization;
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
