using System.Globalization;
using System.Net.Mail;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>How the SMTP connection is secured (<c>Mail:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>No TLS (a relay on the same machine or network only).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which is required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The mail server and sender, read from <c>Mail:Smtp:*</c>, <c>Mail:From</c> and <c>Mail:FromName</c> at
/// start, and how long a sender's claim on a message lasts (<c>Mail:SendingClaimSeconds</c>). Without
/// <c>Mail:Smtp:Host</c> (the embedded default) nothing is sent: messages stay in the outbox as not sent.
/// </summary>
/// <param name="Host">The SMTP server, or null when none is configured.</param>
/// <param name="Port">Its port.</param>
/// <param name="Security">How the connection is secured.</param>
/// <param name="User">The user to authenticate as, or null to send without authentication.</param>
/// <param name="Password">The password of <paramref name="User"/>.</param>
/// <param name="From">The sender address, or null when no server is configured.</param>
/// <param name="FromName">The sender's display name, or null.</param>
public sealed record MailSettings(string? Host, int Port, SmtpSecurity Security, string? User, string? Password, string? From, string? FromName)
{
    /// <summary>The reason recorded on a message kept because no server is configured.</summary>
    public const string NoMailServerReason = "no mail server configured";

    /// <summary>The claim's length when <c>Mail:SendingClaimSeconds</c> is not set: ten minutes.</summary>
    public static readonly TimeSpan DefaultSendingClaim = TimeSpan.FromMinutes(10);

    /// <summary>The shortest claim <c>Mail:SendingClaimSeconds</c> accepts: 30 seconds, so that each SMTP step still has 3.</summary>
    public static readonly TimeSpan ShortestSendingClaim = TimeSpan.FromSeconds(30);

    /// <summary>The longest time-out of one step of the SMTP conversation: a minute.</summary>
    public static readonly TimeSpan LongestSmtpTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a sender's claim on a message lasts (<c>Mail:SendingClaimSeconds</c>): a message still
    /// Sending when its claim runs out was claimed by a process that died, and is sent again with the same
    /// Message-ID.
    /// </summary>
    public TimeSpan SendingClaim { get; init; } = DefaultSendingClaim;

    /// <summary>
    /// The time-out of each step of the SMTP conversation (connect, each command and answer): a tenth of
    /// <see cref="SendingClaim"/>, at most <see cref="LongestSmtpTimeout"/>, so that a live sender's
    /// conversation ends, one way or the other, long before its claim does.
    /// </summary>
    public TimeSpan SmtpTimeout => SendingClaim / 10 < LongestSmtpTimeout ? SendingClaim / 10 : LongestSmtpTimeout;

    /// <summary>Whether a mail server is configured.</summary>
    public bool CanSend => Host is not null;

    /// <summary>The domain of <see cref="From"/>, which the Message-ID headers use; <c>localhost</c> without a sender.</summary>
    public string MessageIdDomain => From is { } from ? from[(from.LastIndexOf('@') + 1)..] : "localhost";

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="configuration">The host configuration.</param>
    /// <exception cref="InvalidOperationException">A value is invalid; the message names the setting and what it accepts.</exception>
    public static MailSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var host = Trimmed(configuration["Mail:Smtp:Host"]);
        var securityText = Trimmed(configuration["Mail:Smtp:Security"]);
        var security = SmtpSecurity.StartTls;
        if (securityText is not null && (!Enum.TryParse(securityText, ignoreCase: true, out security) || !Enum.IsDefined(security) || int.TryParse(securityText, out _)))
        {
            throw new InvalidOperationException($"Mail:Smtp:Security is '{securityText}'; use 'None', 'StartTls' or 'SslOnConnect'.");
        }

        var portText = Trimmed(configuration["Mail:Smtp:Port"]);
        var port = security == SmtpSecurity.SslOnConnect ? 465 : 587;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new InvalidOperationException($"Mail:Smtp:Port is '{portText}'; use a port number from 1 to 65535, such as 587 (StartTls) or 465 (SslOnConnect).");
        }

        var user = Trimmed(configuration["Mail:Smtp:User"]);
        var password = configuration["Mail:Smtp:Password"];
        if (user is not null && string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Mail:Smtp:User is set but Mail:Smtp:Password is empty; set both (Mail__Smtp__Password in the environment) or neither.");
        }

        var from = Trimmed(configuration["Mail:From"]);
        if (from is not null && !(MailAddress.TryCreate(from, out var parsed) && parsed.Address == from))
        {
            throw new InvalidOperationException($"Mail:From is '{from}'; use an address such as crm@example.com (the name goes into Mail:FromName).");
        }

        if (host is not null && from is null)
        {
            throw new InvalidOperationException($"Mail:Smtp:Host is '{host}' but Mail:From is empty; set the sender address, such as crm@example.com.");
        }

        var claimText = Trimmed(configuration["Mail:SendingClaimSeconds"]);
        var claim = DefaultSendingClaim;
        if (claimText is not null)
        {
            if (!int.TryParse(claimText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < ShortestSendingClaim.TotalSeconds || seconds > TimeSpan.FromDays(1).TotalSeconds)
            {
                throw new InvalidOperationException($"Mail:SendingClaimSeconds is '{claimText}'; use a number of seconds from {ShortestSendingClaim.TotalSeconds:0} to 86400, such as 600 (the default).");
            }

            claim = TimeSpan.FromSeconds(seconds);
        }

        return new MailSettings(host, port, security, user, user is null ? null : password, from, Trimmed(configuration["Mail:FromName"])) { SendingClaim = claim };
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The settings without the password, for logs.</summary>
    public override string ToString() => CanSend ? $"{Host}:{Port} ({Security}{(User is null ? "" : ", as " + User)}), from {From}" : NoMailServerReason;
}
