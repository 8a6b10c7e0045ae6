using System.Security.Claims;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Timeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>
/// The customer's one timeline: interactions of every channel and the plugins' entries, newest first,
/// filtered by channel or kind, paged with "show older".
/// </summary>
public partial class CustomerTimelineTab
{
    private const int PageSize = 25;
    private List<TimelineItem>? _items;
    private bool _hasMore;
    private bool _openOnly;
    private bool _canEdit;
    private ChangeResult? _result;
    private IReadOnlyCollection<string> _selectedKinds = [];
    private List<TimelineKind> _pluginKinds = [];

    [Inject]
    private InteractionQueries Queries { get; set; } = default!;

    [Inject]
    private InteractionService Interactions { get; set; } = default!;

    [Inject]
    private CustomerAccess Access { get; set; } = default!;

    [Inject]
    private PluginCatalog Catalog { get; set; } = default!;

    [Inject]
    private IStringLocalizerFactory Localizers { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _pluginKinds = [.. Catalog.TimelineKinds.Select(k => k.Kind with { Title = Catalog.LocalizerFor(k.OwnerId, Localizers)?[k.Kind.Title].Value ?? k.Kind.Title })];
        var user = (await AuthenticationState).User;
        _canEdit = await Access.CanCreateAsync(user);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _items = [];
        await LoadMoreAsync();
    }

    private async Task LoadMoreAsync()
    {
        var channels = _selectedKinds.Select(k => Enum.TryParse<InteractionChannel>(k, out var c) ? (InteractionChannel?)c : null).OfType<InteractionChannel>().ToHashSet();
        var kinds = _selectedKinds.Where(k => !Enum.TryParse<InteractionChannel>(k, out _)).ToHashSet(StringComparer.Ordinal);
        var filter = new TimelineFilter(channels, kinds, OpenOnly: _openOnly);
        var (items, hasMore) = await Queries.TimelinePageAsync(CustomerId, filter, _items is { Count: > 0 } ? _items[^1].Cursor : null, PageSize);
        _items!.AddRange(items);
        _hasMore = hasMore;
    }

    private async Task KindsChangedAsync(IReadOnlyCollection<string>? kinds)
    {
        _selectedKinds = kinds ?? [];
        await ReloadAsync();
    }

    private async Task OpenOnlyChangedAsync(bool value)
    {
        _openOnly = value;
        await ReloadAsync();
    }

    private async Task EditAsync(TimelineItem item)
    {
        var parameters = new DialogParameters<InteractionDialog> { { d => d.CustomerId, CustomerId }, { d => d.InteractionId, item.Id } };
        var dialog = await Dialogs.ShowAsync<InteractionDialog>(L["Edit interaction"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task SetResolvedAsync(TimelineItem item, bool resolved)
    {
        _result = await Interactions.SetResolvedAsync(item.Id, resolved, outcome: null, item.RowVersion);
        await ReloadAsync();
    }

    private bool IsOfLoadedPlugin(TimelineItem item) => _pluginKinds.Any(k => k.Id == item.Kind);

    private string KindTitle(TimelineItem item) => item.Source == 1 && Enum.TryParse<InteractionChannel>(item.Kind, out var channel)
        ? L[InteractionText.Channel(channel)]
        : _pluginKinds.FirstOrDefault(k => k.Id == item.Kind)?.Title ?? item.Kind;

    private string IconOf(TimelineItem item) => item.Source == 1 && Enum.TryParse<InteractionChannel>(item.Kind, out var channel)
        ? InteractionText.Icon(channel)
        : _pluginKinds.FirstOrDefault(k => k.Id == item.Kind)?.Icon ?? Icons.Material.Filled.Extension;

    private static Color ColorOf(TimelineItem item) => item.Status switch
    {
        InteractionStatus.Open => Color.Warning,
        InteractionStatus.Resolved => Color.Success,
        _ => item.Source == 1 ? Color.Primary : Color.Secondary,
    };
}
