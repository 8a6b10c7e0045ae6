using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// What administrators do to messages from the outbox page: retry and cancel. Each checks on the server
/// that the current user is an administrator, then hands the change to <see cref="OutboxDelivery"/>, which
/// expects the version of the message the page showed (a message sent, retried or cancelled since is a
/// conflict) and checks its state as it saves.
/// </summary>
public sealed class OutboxAdministration(CurrentUser currentUser, OutboxDelivery delivery)
{
    internal static readonly Problem OnlyAdministrators = new("Only administrators can retry or cancel messages.");

    /// <summary>Queues a failed message, or one not sent for want of a mail server, again.</summary>
    /// <param name="id">The message.</param>
    /// <param name="version">The version the page showed (<see cref="OutboxMessageView.RowVersion"/>).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> RetryAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        UserAdministration.IsAdministrator(currentUser)
            ? delivery.RetryAsync(id, version, cancellationToken)
            : Task.FromResult(ChangeResult.Forbidden(OnlyAdministrators));

    /// <summary>Cancels a message that is queued, failed or not sent: it will not be sent.</summary>
    /// <param name="id">The message.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public Task<ChangeResult> CancelAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        UserAdministration.IsAdministrator(currentUser)
            ? delivery.CancelAsync(id, version, cancellationToken)
            : Task.FromResult(ChangeResult.Forbidden(OnlyAdministrators));
}
