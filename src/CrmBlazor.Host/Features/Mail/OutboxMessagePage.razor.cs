using System.Globalization;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// One message of the outbox in full (<c>/admin/outbox/{id}</c>): its headers, its HTML body rendered in a
/// sandboxed frame and its text body, its attachments to download, and every delivery attempt with the
/// mail server's answer. Retry (a failed message, or one not sent for want of a mail server) and cancel
/// (one not sent yet), each after a confirmation. Administrators only: the page's policy, and
/// <see cref="OutboxQueries"/> and <see cref="OutboxAdministration"/> check again.
/// </summary>
public sealed partial class OutboxMessagePage
{
    private OutboxMessageView? _message;
    private bool _missing;
    private bool _busy;
    private bool _hasMailServer;
    private string? _sender;
    private ChangeResult? _result;

    [Inject]
    private OutboxQueries Queries { get; set; } = default!;

    [Inject]
    private OutboxAdministration Administration { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    /// <summary>The message.</summary>
    [Parameter]
    public Guid Id { get; set; }

    /// <summary>The page's address for a message.</summary>
    /// <param name="id">The message.</param>
    public static string Address(Guid id) => $"/admin/outbox/{id}";

    /// <summary>Whether a message in this state can be retried: it failed, or waited for a mail server.</summary>
    /// <param name="state">The state.</param>
    public static bool CanRetry(OutboxMessageState state) => state is OutboxMessageState.Failed or OutboxMessageState.NotSent;

    /// <summary>Whether a message in this state can be cancelled: it has not been handed to the mail server.</summary>
    /// <param name="state">The state.</param>
    public static bool CanCancel(OutboxMessageState state) => state is OutboxMessageState.Queued or OutboxMessageState.Failed or OutboxMessageState.NotSent;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _hasMailServer = Queries.HasMailServer;
        _sender = Queries.Sender;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _message = await Queries.GetAsync(Id);
        _missing = _message is null;
    }

    private async Task RetryAsync()
    {
        var message = _message!;
        var confirmed = await Dialogs.ConfirmAsync(
            L["Retry this message?"],
            _hasMailServer
                ? L["It is queued again and sent to the mail server at once."]
                : L["It is queued again. While no mail server is configured it stays not sent."],
            L["Retry"], L["Cancel"]);
        if (confirmed)
        {
            await ChangeAsync(() => Administration.RetryAsync(message.Id, message.RowVersion), L["The message is queued again."]);
        }
    }

    private async Task CancelAsync()
    {
        var message = _message!;
        var confirmed = await Dialogs.ConfirmAsync(
            L["Cancel this message?"],
            L["It will not be sent. It stays in the outbox as cancelled."],
            L["Cancel the message"], L["Keep it"], destructive: true);
        if (confirmed)
        {
            await ChangeAsync(() => Administration.CancelAsync(message.Id, message.RowVersion), L["The message is cancelled."]);
        }
    }

    // The snackbar only once the server saved; a refusal (someone changed the message meanwhile) stays on the page.
    private async Task ChangeAsync(Func<Task<ChangeResult>> change, string saved)
    {
        _busy = true;
        try
        {
            var result = await change();
            _result = result.Succeeded ? null : result;
            if (result.Succeeded)
            {
                Snackbar.Add(saved, Severity.Success);
            }

            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Shown(string? text) => UserText.Clean(text, TextKind.SingleLine);

    private static string ShownText(string? text) => UserText.Clean(text, TextKind.Multiline);

    private static string FileSize(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString("N0", CultureInfo.CurrentCulture) + " B",
        < 1024 * 1024 => (bytes / 1024d).ToString("N1", CultureInfo.CurrentCulture) + " KB",
        _ => (bytes / (1024d * 1024)).ToString("N1", CultureInfo.CurrentCulture) + " MB",
    };
}
