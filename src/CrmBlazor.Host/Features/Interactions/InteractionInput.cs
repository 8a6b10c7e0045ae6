using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>What a user enters to log or change an interaction.</summary>
public sealed class InteractionInput : IValidatableObject
{
    /// <summary>The channel.</summary>
    public InteractionChannel Channel { get; set; } = InteractionChannel.Call;

    /// <summary>The direction.</summary>
    public InteractionDirection Direction { get; set; } = InteractionDirection.Outbound;

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>One line summary.</summary>
    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters long.")]
    public string Subject { get; set; } = string.Empty;

    /// <summary>Details.</summary>
    [StringLength(8000, ErrorMessage = "The details can be at most 8000 characters long.")]
    [MultilineText]
    public string? Body { get; set; }

    /// <summary>What came of it.</summary>
    [StringLength(1000, ErrorMessage = "The outcome can be at most 1000 characters long.")]
    public string? Outcome { get; set; }

    /// <summary>Open or resolved (complaints and inquiries only).</summary>
    public InteractionStatus Status { get; set; } = InteractionStatus.Open;

    /// <summary>Who handles a complaint or inquiry.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Contacts involved.</summary>
    public List<long> ContactIds { get; set; } = [];

    /// <summary>Users involved.</summary>
    public List<string> UserIds { get; set; } = [];

    /// <summary>The version the user loaded, for edits.</summary>
    public Guid RowVersion { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OccurredAt > DateTimeOffset.UtcNow.AddDays(1))
        {
            yield return new ValidationResult("An interaction cannot lie in the future; use a date up to today.", [nameof(OccurredAt)]);
        }

        if (OccurredAt < new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            yield return new ValidationResult("Enter a date after 1990.", [nameof(OccurredAt)]);
        }

        if (Channel == InteractionChannel.Note && Direction != InteractionDirection.Internal)
        {
            yield return new ValidationResult("A note is internal; choose the direction Internal.", [nameof(Direction)]);
        }
    }

    /// <summary>The input for an existing interaction.</summary>
    /// <param name="interaction">The interaction with contacts and users loaded.</param>
    public static InteractionInput From(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new InteractionInput
        {
            Channel = interaction.Channel,
            Direction = interaction.Direction,
            OccurredAt = interaction.OccurredAt,
            Subject = interaction.Subject,
            Body = interaction.Body,
            Outcome = interaction.Outcome,
            Status = interaction.Status,
            OwnerUserId = interaction.OwnerUserId,
            ContactIds = [.. interaction.Contacts.Select(c => c.ContactId)],
            UserIds = [.. interaction.Users.Select(u => u.UserId)],
            RowVersion = interaction.RowVersion,
        };
    }
}
