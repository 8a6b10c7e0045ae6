using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Surveys.Features.Invitations;

/// <summary>Whom to invite to a survey, in which language, and for how long the link works.</summary>
public sealed class InvitationInput
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose the customer.")]
    public long CustomerId { get; set; }

    [Range(1, long.MaxValue, ErrorMessage = "Choose the contact.")]
    public long ContactId { get; set; }

    /// <summary>A language of the survey; its first language when empty.</summary>
    public string? Language { get; set; }

    [Range(1, 90, ErrorMessage = "A link works from 1 to 90 days.")]
    public int ValidDays { get; set; } = 30;
}
