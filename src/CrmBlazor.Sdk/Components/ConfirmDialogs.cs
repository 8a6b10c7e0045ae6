using MudBlazor;

namespace CrmBlazor.Sdk.Components;

/// <summary>Opens a <see cref="ConfirmDialog"/>: the one way pages ask before an irreversible change.</summary>
public static class ConfirmDialogs
{
    /// <summary>Asks the user to confirm; true only if they chose the confirming button (not on cancel, Escape or a click outside).</summary>
    /// <param name="dialogs">The page's dialog service.</param>
    /// <param name="title">The dialog's title (what is about to happen: "Delete draft"), already localised.</param>
    /// <param name="message">What confirming does, already localised.</param>
    /// <param name="confirmText">The confirming button's text, already localised.</param>
    /// <param name="cancelText">The other button's text, already localised.</param>
    /// <param name="destructive">Whether confirming destroys something.</param>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, string cancelText, bool destructive = false)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.CancelText, cancelText },
            { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
