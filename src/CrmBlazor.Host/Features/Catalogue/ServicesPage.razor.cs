using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Catalogue;

/// <summary>The firm's catalogue of services: add, edit, retire and restore.</summary>
public sealed partial class ServicesPage
{
    private IReadOnlyList<FirmService>? _services;
    private ChangeResult? _result;

    [Inject]
    private ServiceAdministration Services { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => _services = await Services.ListAsync();

    private static string? TaxRate(decimal? rate) =>
        rate is { } percent ? string.Format(CultureInfo.CurrentCulture, "{0:0.##} %", percent) : null;

    private async Task EditAsync(FirmService? service)
    {
        var parameters = new DialogParameters<ServiceEditDialog> { { d => d.Service, service } };
        var dialog = await Dialogs.ShowAsync<ServiceEditDialog>(
            service is null ? L["New service"] : L["Edit service"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            _result = null;
            _services = await Services.ListAsync();
        }
    }

    private async Task ToggleRetiredAsync(FirmService service)
    {
        var result = await Services.SetRetiredAsync(service.Id, !service.IsRetired, service.RowVersion);
        _result = result.Succeeded ? null : result;
        _services = await Services.ListAsync();
    }
}
