namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// What a named survey's answer still has to do outside the plugin's tables: its entry on the customer's
/// timeline, the customer's latest-score figures and, with the closed loop on, the follow-up of a
/// detractor. Written in the submit's transaction, so a process dying right after the commit loses
/// nothing; the effects job does the work (each step idempotent) and then deletes the row. Never written
/// for an anonymous survey.
/// </summary>
public sealed class SurveyPendingEffect
{
    public Guid ResponseId { get; set; }

    public long SurveyId { get; set; }

    /// <summary>When the answer was submitted, so the sweep takes the oldest first.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The follow-up the closed loop opened in the core for a detractor's answer (its state is read from the core).</summary>
public sealed class SurveyFollowUp
{
    public Guid ResponseId { get; set; }

    public long SurveyId { get; set; }

    /// <summary>The core's follow-up (a complaint interaction).</summary>
    public long FollowUpId { get; set; }
}
