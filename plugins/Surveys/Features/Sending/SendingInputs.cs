using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>A send to a segment, as the send page's form gives it.</summary>
public sealed class SegmentSendInput
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the segment.")]
    public long AudienceId { get; set; }

    [Range(1, 90, ErrorMessage = "A link works from 1 to 90 days.")]
    public int ValidDays { get; set; } = 30;
}

/// <summary>How a survey is sent besides by hand: its reminder and whether a completed project sends it.</summary>
public sealed class SendingSettingsInput
{
    /// <summary>After how many days an unanswered invitation is reminded once; 0 for never.</summary>
    [Range(0, 60, ErrorMessage = "Remind after 0 to 60 days (0: never).")]
    public int RemindAfterDays { get; set; }

    /// <summary>Whether the survey goes to a project's customer when the project is completed.</summary>
    public bool OnProjectCompleted { get; set; }

    /// <summary>The survey's version the page was loaded with.</summary>
    public Guid RowVersion { get; set; }
}
