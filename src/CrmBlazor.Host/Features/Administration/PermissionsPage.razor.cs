using CrmBlazor.Host.Plugins;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// The permission matrix: every permission of the core and of each plugin against the roles. Ticking or
/// clearing a box saves that one grant at once; the status line says what the server saved, and a
/// refusal or a concurrent change by another administrator shows why and the current grants.
/// </summary>
public partial class PermissionsPage
{
    private readonly Dictionary<(string Role, string Permission), bool> _pending = [];
    private PermissionMatrix? _matrix;
    private string? _status;
    private bool _saving;
    private ChangeResult? _refused;

    [Inject]
    private PermissionMatrixQueries Queries { get; set; } = default!;

    [Inject]
    private PermissionGrantService Grants { get; set; } = default!;

    [Inject]
    private PluginCatalog Catalog { get; set; } = default!;

    [Inject]
    private IStringLocalizerFactory Localizers { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => _matrix = await Queries.LoadAsync();

    // While a change is on its way, its box shows what the user asked for; afterwards what the server holds.
    private bool Holds(string role, string permission) =>
        _pending.TryGetValue((role, permission), out var asked) ? asked : _matrix!.Holds(role, permission);

    private string GroupTitle(PermissionGroup group) => group switch
    {
        { IsLoaded: false } => L["Plugins not loaded"],
        { Name: null } => "CrmBlazor",
        _ => group.Name,
    };

    private string Title(PermissionGroup group, PermissionEntry permission) =>
        permission.Title is { } title
            ? Catalog.LocalizerFor(group.OwnerId!, Localizers)?[title].Value ?? title
            : permission.PluginName is { } plugin ? $"{permission.Name} ({plugin})" : permission.Name;

    private async Task ChangeAsync(string permission, string title, string role, bool granted)
    {
        _pending[(role, permission)] = granted;
        _refused = null;
        _saving = true;
        _status = L["Saving…"];
        try
        {
            var result = await Grants.ChangeAsync(new PermissionGrantChange { Permission = permission, Role = role, Granted = granted });
            if (result.Succeeded)
            {
                _status = granted
                    ? L["Saved: {0} now holds “{1}”.", L[role], title]
                    : L["Saved: {0} no longer holds “{1}”.", L[role], title];
            }
            else
            {
                _status = null;
                _refused = result;
            }

            // Either way the page shows what is stored now, other administrators' changes included.
            _matrix = await Queries.LoadAsync();
        }
        finally
        {
            _pending.Remove((role, permission));
            _saving = false;
        }
    }
}
