using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CrmBlazor.Sdk.Tests.Components;

/// <summary>A bUnit context with MudBlazor's services, as pages built with the UI kit have them.</summary>
public abstract class KitTestContext : BunitContext, IAsyncLifetime
{
    protected KitTestContext()
    {
        // MudBlazor calls JavaScript for layout and focus; nothing here depends on what it returns.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>A localizer without translations: it shows the English texts, as the English resources do.</summary>
    protected static IStringLocalizer English { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(KitTestContext));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services can only be disposed asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
