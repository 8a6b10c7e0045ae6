using CrmBlazor.Plugins.Projects.Data;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>
/// How billed time names the invoice that billed it: by its number once issued; while the invoice is
/// a draft it has no number yet (the invoicing plugin marks time as soon as it is put on a draft), and
/// its id would mean nothing to the user.
/// </summary>
public static class BilledInvoice
{
    /// <summary>
    /// The invoice of a billed entry for display: its number, or "" while it is a draft; null when the
    /// entry is not billed.
    /// </summary>
    /// <param name="entry">The entry.</param>
    public static string? Of(TimeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsLocked ? entry.BilledDocumentNumber ?? string.Empty : null;
    }

    /// <summary>What a lock on billed time says: "Billed on invoice 2026-0042" or "On a draft invoice".</summary>
    /// <param name="L">The plugin's localizer (named as in components, so that the resource tests see its texts).</param>
    /// <param name="invoice">What <see cref="Of"/> gave.</param>
    public static string Label(IStringLocalizer L, string invoice)
    {
        ArgumentNullException.ThrowIfNull(L);
        return string.IsNullOrEmpty(invoice) ? L["On a draft invoice"] : L["Billed on invoice {0}", invoice];
    }
}
