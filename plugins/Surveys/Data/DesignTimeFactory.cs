#if CRM_DESIGN_TIME
namespace CrmBlazor.Plugins.Surveys.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<SurveysDbContext>;
#endif
