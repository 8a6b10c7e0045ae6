using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Surveys.Features.PublicLinks;

/// <summary>A public link to make (switched on, or made anew): how long it works, at the survey's version the page shows.</summary>
public sealed class PublicLinkInput
{
    [Range(1, 90, ErrorMessage = "A link works from 1 to 90 days.")]
    public int ValidDays { get; set; } = 30;

    public Guid RowVersion { get; set; }
}
