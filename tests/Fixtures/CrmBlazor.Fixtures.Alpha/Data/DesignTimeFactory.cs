#if CRM_DESIGN_TIME
namespace CrmBlazor.Fixtures.Alpha.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<AlphaDbContext>;
#endif
