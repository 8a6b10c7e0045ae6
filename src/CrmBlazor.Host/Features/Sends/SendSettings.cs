using System.Globalization;

namespace CrmBlazor.Host.Features.Sends;

/// <summary>
/// How fast sends queue their messages: <c>Messaging:MessagesPerMinute</c> (default 60), read and checked
/// at start. Mail servers and receiving providers throttle or block a sender who sends a burst of
/// thousands; a pace the firm's provider accepts keeps its messages out of the spam folder.
/// </summary>
/// <param name="MessagesPerMinute">At most this many messages of a send are queued in any minute.</param>
public sealed record SendSettings(int MessagesPerMinute)
{
    /// <summary>The default pace.</summary>
    public const int DefaultMessagesPerMinute = 60;

    /// <summary>Reads the settings; a wrong value stops the start with the setting's name and what it accepts.</summary>
    /// <param name="configuration">The host's configuration.</param>
    public static SendSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Messaging:MessagesPerMinute"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SendSettings(DefaultMessagesPerMinute);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) || rate < 1)
        {
            throw new InvalidOperationException($"Messaging:MessagesPerMinute is '{text}'; use a whole number of at least 1, such as 60.");
        }

        return new SendSettings(rate);
    }
}
