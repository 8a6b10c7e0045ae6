using System.ComponentModel.DataAnnotations;

namespace Acme.Tickets;

/// <summary>
/// The plugin's settings, from the host's configuration section <c>Plugins:acme-tickets</c> (for example
/// the environment variable <c>Plugins__acme-tickets__SummarySchedule</c>). They are validated when the
/// host starts; invalid settings refuse the plugin with the reason on the plugin admin page.
/// </summary>
public sealed class TicketsSettings
{
    /// <summary>When the daily summary runs: a cron expression in UTC (five fields, or six with seconds first).</summary>
    [Required]
    [StringLength(100)]
    public string SummarySchedule { get; set; } = "0 6 * * *";

    /// <summary>How many days an entry counts as recent in the summary.</summary>
    [Range(1, 365)]
    public int RecentDays { get; set; } = 7;
}
