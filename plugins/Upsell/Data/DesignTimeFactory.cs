#if CRM_DESIGN_TIME
namespace CrmBlazor.Plugins.Upsell.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<UpsellDbContext>;
#endif
