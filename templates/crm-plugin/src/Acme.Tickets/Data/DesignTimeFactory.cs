//-:cnd:noEmit
#if CRM_DESIGN_TIME
namespace Acme.Tickets.Data;

/// <summary>Lets `dotnet ef` create the context exactly as the host does (design-time builds only; see add-migration.sh).</summary>
internal sealed class DesignTimeFactory : CrmBlazor.Data.DesignTime.PluginDesignTimeFactory<TicketsDbContext>;
#endif
//+:cnd:noEmit
