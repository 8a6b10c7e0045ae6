namespace CrmBlazor.Plugins.Upsell;

/// <summary>The plugin's permissions (policies of the same names), checked in pages and again in services.</summary>
public static class UpsellPermissions
{
    /// <summary>See and work the opportunities of one's own customers (those one is the account manager of) and one's own.</summary>
    public const string View = "upsell.view";

    /// <summary>See and work every opportunity, change the rules' settings, evaluate now.</summary>
    public const string Manage = "upsell.manage";
}
