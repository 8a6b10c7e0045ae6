using System.ComponentModel.DataAnnotations;

namespace Acme.Tickets.Features;

/// <summary>What the page's form edits. <see cref="EntryService"/> validates it with the SDK's <c>InputValidation</c>.</summary>
public sealed class EntryInput
{
    /// <summary>The longest title, in the form and in the table.</summary>
    public const int TitleLength = 200;

    /// <summary>What the entry says.</summary>
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(TitleLength, ErrorMessage = "Use at most 200 characters.")]
    public string? Title { get; set; }

    /// <summary>The customer it is about, if any (the id of the customer chosen in the picker).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Choose a customer from the list.")]
    public long? CustomerId { get; set; }
}
