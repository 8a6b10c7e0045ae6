using System.Globalization;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>
/// A customer: the header with key facts and figures, the actions the user may take, and the tabs
/// of the core (timeline, contacts, history) and of the plugins.
/// </summary>
public partial class CustomerPage
{
    private Customer? _customer;
    private CustomerFacts? _facts;
    private ChangeResult? _result;
    private bool _loading = true;
    private bool _canEdit;
    private bool _canUsePrivacy;
    private int _version;
    private List<(TabRegistration Registration, string Title)> _tabs = [];
    private List<(CustomerFigureDefinition Figure, string Title)> _figures = [];
    private Dictionary<string, object?> _tabParameters = [];

    [Inject]
    private CustomerService Customers { get; set; } = default!;

    [Inject]
    private CustomerAccess Access { get; set; } = default!;

    [Inject]
    private CustomerQueries Queries { get; set; } = default!;

    [Inject]
    private PluginCatalog Catalog { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IStringLocalizerFactory Localizers { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private PersonalDataService PersonalData { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The customer id from the address.</summary>
    [Parameter]
    public long Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        _tabParameters = new() { [nameof(CustomerTabBase.CustomerId)] = Id };
        _tabs = [];
        foreach (var tab in Catalog.CustomerTabs)
        {
            if (tab.Permission is null || (await Authorization.AuthorizeAsync(user, tab.Permission)).Succeeded)
            {
                _tabs.Add((tab, Localize(tab.OwnerId, tab.Title)));
            }
        }

        _figures = [.. Catalog.CustomerFigures.Select(f => (f.Figure, Localize(f.OwnerId, f.Figure.Title)))];
        await ReloadAsync();
        _canEdit = _customer is not null && await Access.CanEditAsync(user, _customer.OwnerUserId);
        _canUsePrivacy = await Access.CanUsePrivacyAsync(user);
    }

    private async Task ReloadAsync()
    {
        _loading = true;
        _customer = await Customers.GetAsync(Id);
        if (_customer is not null)
        {
            _facts = await Queries.FactsAsync(_customer);
        }

        _loading = false;
    }

    private string Localize(string ownerId, string title) => Catalog.LocalizerFor(ownerId, Localizers)?[title].Value ?? title;

    private string? FormatFigure(CustomerFigureDefinition figure)
    {
        if (_facts is null || !_facts.Figures.TryGetValue(figure.Id, out var value))
        {
            return null;
        }

        return figure.Kind switch
        {
            FigureKind.Date => value.Date is { } date ? Show.Date(date) : null,
            FigureKind.Money when value.Number is { } amount => Show.Money((decimal)amount, _customer!.Currency),
            _ => value.Number?.ToString("#,##0.##", CultureInfo.CurrentCulture),
        };
    }

    private static string FormatAddress(CustomerAddress address) =>
        string.Join(", ", new[] { address.Street, address.PostalCode, address.City, address.Region, address.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<CustomerEditDialog> { { d => d.CustomerId, Id } };
        var dialog = await Dialogs.ShowAsync<CustomerEditDialog>(L["Edit customer"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ChangedAsync(L["Customer saved."]);
        }
    }

    private async Task LogInteractionAsync()
    {
        var parameters = new DialogParameters<InteractionDialog> { { d => d.CustomerId, Id } };
        var dialog = await Dialogs.ShowAsync<InteractionDialog>(L["Log interaction"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ChangedAsync(L["Interaction logged."]);
        }
    }

    private async Task SendMessageAsync()
    {
        var parameters = new DialogParameters<Sends.SendMessageDialog> { { d => d.Customer, _customer } };
        var dialog = await Dialogs.ShowAsync<Sends.SendMessageDialog>(L["Send message"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ChangedAsync(L["Message queued. It appears on the timeline once it is in the outbox."]);
        }
    }

    private async Task ToggleArchivedAsync()
    {
        _result = await Customers.SetArchivedAsync(Id, !_customer!.IsArchived, _customer.RowVersion);
        if (_result.Succeeded)
        {
            await ChangedAsync(_customer.IsArchived ? L["Customer restored."] : L["Customer archived."]);
        }
    }

    private async Task EraseAsync()
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Erase personal data"],
            L["This anonymises the customer's personal data in the CRM and every plugin. Issued invoices keep their legal content. This cannot be undone."],
            L["Erase"], L["Cancel"], destructive: true);
        if (!confirmed)
        {
            return;
        }

        var erasure = await PersonalData.EraseAsync(Id, CancellationToken.None);
        if (erasure.Refusal is { } refusal)
        {
            Snackbar.Add(L.Show(refusal), Severity.Error, options => options.RequireInteraction = true);
            return;
        }

        await ChangedAsync(string.Join(" ", erasure.Report));
    }

    private async Task ChangedAsync(string message)
    {
        Snackbar.Add(message, Severity.Success);
        await ReloadAsync();
        _version++;
    }
}
