using CrmBlazor.Fixtures.Beta.Data;
using CrmBlazor.Fixtures.Beta.Features;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Fixtures.Beta;

/// <summary>
/// Depends on Alpha, subscribes to Alpha's "note added" event through a record of its own, and has a
/// page behind a permission that no role holds by default, so that only administrators can open it.
/// </summary>
public sealed class BetaPlugin : ICrmPlugin
{
    public const string ViewPermission = "fixture-beta.view";

    public void Configure(IPluginBuilder plugin) =>
        plugin.AddPermission(new Permission(ViewPermission, "View what fixture Beta received"))
            .AddMenuItem(new MenuItem("Fixture Beta", "/fixture-beta", MudBlazor.Icons.Material.Filled.Inbox, ViewPermission, 910, MenuGroups.Work))
            .AddDbContext<BetaDbContext>()
            .AddEventHandler<NoteAdded, NoteAddedHandler>();
}
