using CrmBlazor.Host.Features.Users;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// Delivers a password reset link that a person asked for on the forgotten-password page to the
/// account's own address. The mail outbox implements it; until then <see cref="NoPasswordResetMail"/>
/// cannot send, and the request waits on the users page for an administrator to issue a link.
/// </summary>
public interface IPasswordResetLinkSender
{
    /// <summary>Whether links can be sent at all (the same answer for every address).</summary>
    bool CanSend { get; }

    /// <summary>Sends the link to the account's address, e.g. by putting a message into the outbox.</summary>
    /// <param name="email">The account's e-mail address.</param>
    /// <param name="displayName">The account's name, to greet the person.</param>
    /// <param name="link">The link as issued; its token exists nowhere else.</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    Task SendAsync(string email, string displayName, AccountLink link, CancellationToken cancellationToken);
}

/// <summary>No mail server: nothing is sent, so a request is only recorded for the administrators.</summary>
internal sealed class NoPasswordResetMail : IPasswordResetLinkSender
{
    public bool CanSend => false;

    public Task SendAsync(string email, string displayName, AccountLink link, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No mail server is configured: password reset links cannot be sent.");
}
