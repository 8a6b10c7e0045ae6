using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Upsell;

/// <summary>Settings from <c>Plugins:upsell</c>; every one has a default.</summary>
public sealed class UpsellSettings
{
    /// <summary>
    /// When the evaluation of every rule runs (<c>Plugins:upsell:EvaluationSchedule</c>): a cron expression in
    /// UTC, by default 02:30 every night.
    /// </summary>
    [Required]
    [StringLength(100)]
    public string EvaluationSchedule { get; set; } = "30 2 * * *";
}
