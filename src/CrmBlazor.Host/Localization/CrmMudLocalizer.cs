using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CrmBlazor.Host.Localization;

/// <summary>
/// MudBlazor's own texts that users read (the grid and table pagers, "Loading", a date range's
/// start and end, "Required", the close and clear buttons' labels) in the user's language: each
/// MudBlazor key is mapped to an English text of the host's resources, translated like any other.
/// Keys not mapped here keep MudBlazor's English.
/// </summary>
/// <param name="L">The host's resources.</param>
internal sealed class CrmMudLocalizer(IStringLocalizer<SharedResource> L) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key] =>
        English(key) is { } english ? L[english] : new LocalizedString(key, key, resourceNotFound: true);

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments] =>
        English(key) is { } english ? L[english, arguments] : new LocalizedString(key, key, resourceNotFound: true);

    /// <summary>The host's English text (its resource key) for a MudBlazor key, or null when MudBlazor's own text is kept.</summary>
    /// <param name="key">MudBlazor's resource key.</param>
    internal static string? English(string key) => key switch
    {
        "MudDataGridPager_RowsPerPage" => "Rows per page:",
        "MudDataGridPager_InfoFormat" => "{0}-{1} of {2}",
        "MudDataGridPager_AllItems" => "All",
        "MudDataGridPager_FirstPage" or "MudTablePager_FirstPage" or "MudPagination_FirstPage" => "First page",
        "MudDataGridPager_PreviousPage" or "MudTablePager_PreviousPage" or "MudPagination_PreviousPage" => "Previous page",
        "MudDataGridPager_NextPage" or "MudTablePager_NextPage" or "MudPagination_NextPage" => "Next page",
        "MudDataGridPager_LastPage" or "MudTablePager_LastPage" or "MudPagination_LastPage" => "Last page",
        "MudDataGrid_Loading" or "MudTable_Loading" => "Loading",
        "MudDateRangePicker_Start" => "Start date",
        "MudDateRangePicker_End" => "End date",
        "MudFormComponent_Required" => "Required",
        "MudAlert_Close" or "MudChip_Close" or "MudDialog_Close" or "MudSnackbar_Close" => "Close",
        "MudInput_Clear" => "Clear",
        _ => null,
    };
}
