using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// The audit log of every record, the core's and the plugins': filters by owner, record type, record,
/// who and period, kept in the address so that a link shows the same entries.
/// </summary>
public partial class AuditLogPage
{
    private AuditEntryGrid? _grid;
    private AuditLogFilter _filter = new();
    private AuditFilter _query = new();
    private AddressQuery _address = new();
    private IReadOnlyList<string> _owners = [];
    private IReadOnlyList<string> _entities = [];
    private IReadOnlyList<(string Id, string Name)> _users = [];

    [Inject]
    private AuditQueries Queries { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    /// <summary>The owner filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "owner")]
    public string? Owner { get; set; }

    /// <summary>The record type filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "entity")]
    public string? Entity { get; set; }

    /// <summary>The record key filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "key")]
    public string? EntityKey { get; set; }

    /// <summary>The actor filter from the address.</summary>
    [SupplyParameterFromQuery(Name = "actor")]
    public string? Actor { get; set; }

    /// <summary>The first day from the address (yyyy-MM-dd).</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    /// <summary>The last day from the address (yyyy-MM-dd).</summary>
    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _address = new AddressQuery();
        _filter = AuditLogFilter.FromAddress(_address, Owner, Entity, EntityKey, Actor, From, To);
        _query = _filter.ToFilter(Show.TimeZone);
        _owners = await Queries.OwnersAsync();
        _entities = await Queries.EntitiesAsync(_filter.Owner);
        _users = [.. (await Users.ListAsync()).Select(u => (u.Id, u.Name))];
    }

    private string EntityName(string entity)
    {
        var label = L[AuditLabels.Entity(entity)].Value;
        return label == entity ? entity : $"{label} ({entity})";
    }

    private async Task OwnerChangedAsync(string? value)
    {
        _filter.Owner = value;
        _entities = await Queries.EntitiesAsync(value);

        if (_filter.Entity is not null && !_entities.Contains(_filter.Entity))
        {
            _filter.Entity = null;
        }

        await ApplyAsync();
    }

    private Task EntityChangedAsync(string? value)
    {
        _filter.Entity = value;
        return ApplyAsync();
    }

    private Task KeyChangedAsync(string? value)
    {
        _filter.EntityKey = value;
        return ApplyAsync();
    }

    private Task ActorChangedAsync(string? value)
    {
        _filter.Actor = value;
        return ApplyAsync();
    }

    private Task DaysChangedAsync(DateRange? value)
    {
        _filter.Days = value;
        return ApplyAsync();
    }

    private async Task ApplyAsync()
    {
        _address = new AddressQuery();
        _query = _filter.ToFilter(Show.TimeZone);

        // Keep the address in step without reloading, so that a reload or a shared link shows these entries.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(_filter.ToAddressParameters()), replace: true);
        if (_grid is not null)
        {
            await _grid.ReloadAsync();
        }
    }
}
