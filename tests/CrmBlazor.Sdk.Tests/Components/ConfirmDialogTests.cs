using Bunit;
using CrmBlazor.Sdk.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Sdk.Tests.Components;

public sealed class ConfirmDialogTests : KitTestContext
{
    [Fact]
    public async Task Confirm_TheConfirmingButton_AnswersYes()
    {
        var (dialogs, asked) = await AskAsync();

        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new());

        Assert.True(await asked);
    }

    [Fact]
    public async Task Confirm_TheOtherButton_AnswersNo()
    {
        var (dialogs, asked) = await AskAsync();

        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());

        Assert.False(await asked);
    }

    [Fact]
    public async Task Confirm_Dialog_ShowsTheTitleMessageAndButtonsItWasGiven()
    {
        var (dialogs, _) = await AskAsync();

        Assert.Contains("Delete draft", dialogs.Find(".mud-dialog-title").TextContent, StringComparison.Ordinal);
        Assert.Equal("The draft is deleted.", dialogs.Find(".mud-dialog-content").TextContent.Trim());
        Assert.Equal("Delete", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        Assert.Equal("Cancel", dialogs.Find("[data-testid=confirm-cancel]").TextContent.Trim());
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Dialogs, Task<bool> Asked)> AskAsync()
    {
        var provider = Render<MudDialogProvider>();
        var service = Services.GetRequiredService<IDialogService>();
        Task<bool>? asked = null;
        // Started, not awaited: the answer comes when a button is clicked.
        await provider.InvokeAsync(() => { asked = service.ConfirmAsync("Delete draft", "The draft is deleted.", "Delete", "Cancel", destructive: true); });
        provider.WaitForElement("[data-testid=confirm-ok]");
        return (provider, asked!);
    }
}
