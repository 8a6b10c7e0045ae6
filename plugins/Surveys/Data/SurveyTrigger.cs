namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>
/// The survey sent automatically when an event happens, such as a project completed. The event is the key,
/// so at most one survey holds each trigger, whoever sets it at the same time.
/// </summary>
public sealed class SurveyTrigger
{
    /// <summary>The trigger of the CSAT survey sent to a project's customer when the project is completed.</summary>
    public const string ProjectCompleted = "project-completed";

    /// <summary>The event, such as <see cref="ProjectCompleted"/>.</summary>
    public required string Event { get; set; }

    public long SurveyId { get; set; }

    public string? SetByUserId { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

/// <summary>
/// A project whose completion has been surveyed. Its id is the key: the row is inserted in the same
/// transaction as the invitation and its message, so a second or simultaneous delivery of the event fails
/// on the key and sends nothing, and a project reopened and completed again is not surveyed again.
/// </summary>
public sealed class SurveyedProject
{
    public long ProjectId { get; set; }

    public long SurveyId { get; set; }

    public DateTimeOffset SurveyedAt { get; set; }
}
