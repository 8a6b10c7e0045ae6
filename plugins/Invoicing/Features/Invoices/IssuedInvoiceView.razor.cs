using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Payments;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// An issued document: what was frozen on issue (lines, tax per rate, totals), its payments and
/// credit notes, the PDF shown in the page and as a download, and, for accountants, recording a
/// payment and issuing a credit note.
/// </summary>
public partial class IssuedInvoiceView
{
    private IReadOnlyList<InvoiceListItem> _creditNotes = [];
    private HashSet<long> _creditedLines = [];
    private InvoiceListItem? _credited;

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The issued document, with lines, tax totals, annex and payments.</summary>
    [Parameter, EditorRequired]
    public Invoice Invoice { get; set; } = default!;

    /// <summary>Whether the user may record payments and issue credit notes (the services check it again).</summary>
    [Parameter]
    public bool CanManage { get; set; }

    /// <summary>Called after a change was saved (the page loads the document again).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (Invoice.Kind == InvoiceKind.Invoice)
        {
            _creditNotes = await Queries.CreditNotesOfAsync(Invoice.Id);
            var lines = new HashSet<long>();
            foreach (var credit in _creditNotes)
            {
                if (await Queries.GetAsync(credit.Id) is { } note)
                {
                    lines.UnionWith(note.Lines.Where(l => l.CreditedLineId is not null).Select(l => l.CreditedLineId!.Value));
                }
            }

            _creditedLines = lines;
        }
        else if (Invoice.CreditedInvoiceId is { } creditedId && await Queries.GetAsync(creditedId) is { } credited)
        {
            _credited = new InvoiceListItem(credited.Id, credited.Kind, credited.Status, credited.Number, credited.CustomerId, credited.CustomerName, credited.Currency,
                credited.Date, credited.DueDate, credited.NetTotal, credited.TaxTotal, credited.GrossTotal, credited.Outstanding);
        }
    }

    private InvoiceTotals StoredTotals() => new(
        Invoice.NetTotal,
        Invoice.TaxTotal,
        Invoice.GrossTotal,
        [.. Invoice.TaxTotals.Select(t => new TaxLine(t.TaxProfile, t.ProfileName, t.Component, t.Rate, t.Base, t.Tax))]);

    private async Task RecordPaymentAsync()
    {
        var parameters = new DialogParameters<RecordPaymentDialog>
        {
            { d => d.InvoiceId, Invoice.Id },
            { d => d.Currency, Invoice.Currency },
            { d => d.Outstanding, Invoice.Outstanding },
        };
        var dialog = await Dialogs.ShowAsync<RecordPaymentDialog>(L["Record payment"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Payment recorded."], Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    private async Task CreditAsync()
    {
        var parameters = new DialogParameters<CreditNoteDialog>
        {
            { d => d.Invoice, Invoice },
            { d => d.AlreadyCredited, _creditedLines },
        };
        var dialog = await Dialogs.ShowAsync<CreditNoteDialog>(L["Issue credit note"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: long creditId })
        {
            Snackbar.Add(L["Credit note issued."], Severity.Success);
            Navigation.NavigateTo(InvoiceLinks.Invoice(creditId));
        }
    }
}
