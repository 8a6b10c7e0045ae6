#if CRM_DESIGN_TIME
namespace CrmBlazor.Plugins.Resources.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<ResourcesDbContext>;
#endif
