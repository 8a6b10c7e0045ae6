#if CRM_DESIGN_TIME
namespace CrmBlazor.Fixtures.Beta.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<BetaDbContext>;
#endif
