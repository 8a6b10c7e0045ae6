namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>
/// The idempotency keys of the plugin's messages, built from what each message is about, so that a job run
/// again after a crash finds the messages it already queued and queues nothing twice.
/// </summary>
public static class MessageKeys
{
    /// <summary>The start of every key of the plugin.</summary>
    public const string Prefix = "surveys:";

    /// <summary>A manager's invitation of one contact (one per click).</summary>
    /// <param name="attempt">A new id per invitation.</param>
    public static string Invitation(Guid attempt) => $"{Prefix}invitation:{attempt:N}";

    /// <summary>The invitation of one person of a segment send.</summary>
    /// <param name="sendId">The send.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="contactId">The contact, or null for a person customer.</param>
    public static string Send(Guid sendId, long customerId, long? contactId) => $"{Prefix}send:{sendId:N}:{customerId}:{contactId ?? 0}";

    /// <summary>The invitation sent when a project was completed (one per project).</summary>
    /// <param name="projectId">The project.</param>
    public static string ProjectCompleted(long projectId) => $"{Prefix}project-completed:{projectId}";

    /// <summary>The one reminder of an invitation.</summary>
    /// <param name="invitationId">The invitation.</param>
    public static string Reminder(long invitationId) => $"{Prefix}reminder:{invitationId}";
}
