using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Upsell.Data;

/// <summary>Whether a rule takes part in the evaluation; a rule without a row is enabled.</summary>
public sealed class RuleState : IVersionedEntity
{
    public string RuleId { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public Guid RowVersion { get; set; }
}

/// <summary>A value an admin gave a rule's setting; a setting without a row has the rule's default.</summary>
public sealed class RuleSettingValue
{
    public string RuleId { get; set; } = "";

    public string Key { get; set; } = "";

    public decimal Value { get; set; }
}
