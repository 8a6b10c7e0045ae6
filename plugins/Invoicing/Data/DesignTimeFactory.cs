#if CRM_DESIGN_TIME
namespace CrmBlazor.Plugins.Invoicing.Data;

internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<InvoicingDbContext>;
#endif
