using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Privacy;
using CrmBlazor.Host.Timeline;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Timeline;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace CrmBlazor.Host.Extensions;

internal static class UiExtensions
{
    /// <summary>Interactive server components, MudBlazor, localisation and the core's UI services.</summary>
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

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ITimeline, TimelineService>();
        services.AddScoped<ICustomerDirectory, CustomerDirectory>();
        services.AddScoped<PersonalDataService>();
        return builder;
    }
}
