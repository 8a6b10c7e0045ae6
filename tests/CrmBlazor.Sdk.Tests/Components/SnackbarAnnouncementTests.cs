using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Sdk.Tests.Components;

/// <summary>
/// Pages say some saves with a MudBlazor snackbar (the plugin guide allows it): its message is in a live
/// region, so that screen readers read it. Guards that promise against a change of MudBlazor's markup.
/// </summary>
public sealed class SnackbarAnnouncementTests : KitTestContext
{
    [Fact]
    public async Task Snackbar_Message_IsReadOutFromALiveRegion()
    {
        var provider = Render<MudSnackbarProvider>();
        var snackbar = Services.GetRequiredService<ISnackbar>();

        await provider.InvokeAsync(() => snackbar.Add("Customer saved.", Severity.Success));

        var message = provider.WaitForElement(".mud-snackbar");
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal("polite", message.GetAttribute("aria-live"));
        Assert.Equal("Customer saved.", message.QuerySelector(".mud-snackbar-content-message")!.TextContent);
    }
}
