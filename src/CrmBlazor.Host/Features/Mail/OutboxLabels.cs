using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Messaging;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>What the outbox pages call states, kinds and attempt outcomes, in the user's language.</summary>
internal static class OutboxLabels
{
    /// <summary>The states in the order a message goes through them, as the filter offers them.</summary>
    public static readonly IReadOnlyList<OutboxMessageState> States =
    [
        OutboxMessageState.Queued, OutboxMessageState.Sending, OutboxMessageState.Sent,
        OutboxMessageState.Failed, OutboxMessageState.NotSent, OutboxMessageState.Cancelled,
    ];

    public static string State(IStringLocalizer L, OutboxMessageState state) => state switch
    {
        OutboxMessageState.Queued => L["Queued"],
        OutboxMessageState.Sending => L["Sending"],
        OutboxMessageState.Sent => L["Sent"],
        // The plugins page's word for a plugin that failed, the same in every language.
        OutboxMessageState.Failed => L["failed"],
        OutboxMessageState.NotSent => L["Not sent"],
        _ => L["Cancelled"],
    };

    public static Color StateColor(OutboxMessageState state) => state switch
    {
        OutboxMessageState.Sent => Color.Success,
        OutboxMessageState.Failed => Color.Error,
        OutboxMessageState.NotSent => Color.Warning,
        OutboxMessageState.Queued or OutboxMessageState.Sending => Color.Info,
        _ => Color.Default,
    };

    public static string Kind(IStringLocalizer L, MessageKind kind) => kind switch
    {
        MessageKind.Campaign => L["Campaign"],
        _ => L["Transactional"],
    };

    public static string Outcome(IStringLocalizer L, string outcome) => outcome switch
    {
        OutboxAttemptOutcomes.Sent => L["Accepted by the mail server"],
        OutboxAttemptOutcomes.TransientFailure => L["Failed, to be tried again"],
        OutboxAttemptOutcomes.PermanentFailure => L["Refused by the mail server"],
        OutboxAttemptOutcomes.NoMailServer => L["Not sent: no mail server configured"],
        _ => outcome,
    };


    /// <summary>The recipients on one line: names with their addresses.</summary>
    public static string Recipients(IReadOnlyList<OutboxRecipient> recipients) =>
        string.Join(", ", recipients.Select(r => string.IsNullOrWhiteSpace(r.Name) ? r.Email : $"{r.Name} <{r.Email}>"));
}
