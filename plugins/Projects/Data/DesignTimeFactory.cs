#if CRM_DESIGN_TIME
namespace CrmBlazor.Plugins.Projects.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<ProjectsDbContext>;
#endif
