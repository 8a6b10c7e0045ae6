namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// A survey sent to a segment: which one, how many of its people were invited and how many were skipped,
/// so that the send page shows the progress of the job and its outcome. Counts only: whom it reached is in
/// the invitations (for a named survey) and the outbox, never here.
/// </summary>
public sealed class SurveySend
{
    /// <summary>The send's id, also the start of its messages' idempotency keys.</summary>
    public Guid Id { get; set; }

    public long SurveyId { get; set; }

    public long AudienceId { get; set; }

    /// <summary>The segment's name when the send started.</summary>
    public required string AudienceName { get; set; }

    /// <summary>How long the links work, in days.</summary>
    public int ValidDays { get; set; }

    /// <summary>The job run that sends, once queued.</summary>
    public Guid? RunId { get; set; }

    /// <summary>The people in the segment (0 until the job has read them).</summary>
    public int Recipients { get; set; }

    /// <summary>Invited so far; counted in the same transaction as each invitation and its message.</summary>
    public int Invited { get; set; }

    /// <summary>Skipped because no e-mail address is known.</summary>
    public int WithoutEmail { get; set; }

    /// <summary>Skipped because they hold an unanswered link to the survey that has not expired.</summary>
    public int AlreadyInvited { get; set; }

    public string? StartedByUserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When every person was invited or skipped; null while the job goes on.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Why the send stopped without inviting anyone (the survey was closed meanwhile), in English; translated when shown.</summary>
    public string? Stopped { get; set; }
}
