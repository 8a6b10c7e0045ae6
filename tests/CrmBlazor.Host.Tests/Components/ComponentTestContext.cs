using Bunit;
using Bunit.TestDoubles;
using CrmBlazor.Sdk.Formatting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CrmBlazor.Host.Tests.Components;

/// <summary>
/// A bUnit context set up like the host's UI: MudBlazor services, the host's localisation (English
/// resources) and bUnit's authentication and authorization in place of the cookie and permission policies.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        // MudBlazor calls JavaScript for layout and focus; nothing here depends on what it returns.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddLogging();
        // As the host registers it: the installation's time zone.
        Services.AddScoped(_ => new UserDisplay(TimeProvider.System.LocalTimeZone));
        User = AddAuthorization();
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services can only be disposed asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Who is signed in and which permissions (policies) they hold.</summary>
    protected BunitAuthorizationContext User { get; }

    /// <summary>The test's navigation manager, which records every navigation.</summary>
    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();
}
