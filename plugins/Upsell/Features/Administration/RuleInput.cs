namespace CrmBlazor.Plugins.Upsell.Features.Administration;

/// <summary>What an admin sets for a rule: whether it runs and its settings' values.</summary>
public sealed class RuleInput
{
    /// <summary>Whether the evaluation runs the rule.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The settings' values by key; each within the setting's minimum and maximum.</summary>
    public Dictionary<string, decimal?> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version the form was loaded with.</summary>
    public Guid RowVersion { get; set; }
}
