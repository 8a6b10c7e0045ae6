using Bunit;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Users;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CrmBlazor.IntegrationTests.UiKit;

/// <summary>
/// A bUnit context whose pickers read through the host's own directories (a scope of the running host,
/// so its real database), with MudBlazor's popovers rendered beside the component under test.
/// </summary>
public sealed class PickerContext : BunitContext
{
    private readonly IServiceScope _scope;

    public PickerContext(CrmHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _scope = host.Services.CreateScope();
        // MudBlazor calls JavaScript for layout and focus; nothing here depends on what it returns.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<ICustomerDirectory>());
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<IUserDirectory>());
    }

    /// <summary>Renders MudBlazor's popover provider (where the lists open) followed by the picker.</summary>
    /// <typeparam name="TPicker">The picker.</typeparam>
    /// <param name="parameters">The picker's parameters.</param>
    public IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderWithPopovers<TPicker>(IReadOnlyDictionary<string, object> parameters)
        where TPicker : Microsoft.AspNetCore.Components.IComponent
    {
        var rendered = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TPicker>(1);
            builder.AddMultipleAttributes(2, parameters);
            builder.CloseComponent();
        });
        return rendered;
    }

    /// <summary>MudBlazor's services can only be disposed asynchronously; the host's scope goes with the context.</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _scope.Dispose();
    }
}
