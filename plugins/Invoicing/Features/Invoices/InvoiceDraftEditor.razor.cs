using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// The editor of a draft. Every change names the version the editor loaded, so a change made
/// meanwhile by someone else is refused with a message and a reload, never overwritten. The totals
/// follow the header as it is being edited, before it is saved.
/// </summary>
public partial class InvoiceDraftEditor
{
    private static readonly string[] Fields = [nameof(DraftHeaderInput.TaxProfile), nameof(DraftHeaderInput.Notes)];
    private DraftHeaderInput _header = new();
    private ChangeResult? _result;
    private bool _busy;

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private InvoiceDraftService Drafts { get; set; } = default!;

    [Inject]
    private InvoiceIssueService Issuing { get; set; } = default!;

    [Inject]
    private IOptions<InvoicingSettings> Settings { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private Sending.InvoiceSendService Sender { get; set; } = default!;

    // Whether issuing e-mails the draft (its monthly run asks for it), and to whom; null when it does not.
    private Sending.SendOnIssue? _sendOnIssue;

    /// <summary>The draft, with its lines, tax totals and annex.</summary>
    [Parameter, EditorRequired]
    public Invoice Invoice { get; set; } = default!;

    /// <summary>Whether the user may change drafts and issue them.</summary>
    [Parameter]
    public bool CanManage { get; set; }

    /// <summary>Called after a change was saved (the page loads the draft again).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _header = new DraftHeaderInput
        {
            TaxProfile = Invoice.TaxProfile,
            PricesIncludeTax = Invoice.PricesIncludeTax,
            Grouping = Invoice.Grouping,
            Notes = Invoice.Notes,
        };
        _sendOnIssue = Invoice.RunPeriod is null ? null : await Sender.SendOnIssueAsync(Invoice.Id);
    }

    private bool HeaderChanged() =>
        _header.TaxProfile != Invoice.TaxProfile || _header.PricesIncludeTax != Invoice.PricesIncludeTax
        || _header.Grouping != Invoice.Grouping || (_header.Notes ?? string.Empty) != (Invoice.Notes ?? string.Empty);

    // Lines and issuing wait until header changes are saved: each change names the version it was made on.
    private bool Locked() => _busy || HeaderChanged();

    private InvoiceTotals LiveTotals()
    {
        var retaxTime = _header.TaxProfile != Invoice.TaxProfile;
        var lines = Invoice.Lines.Select(l => new CalculatedLine(l.Amount, retaxTime && l.Kind == LineKind.Time ? _header.TaxProfile : l.TaxProfile));
        return InvoiceCalculator.Calculate(lines, _header.PricesIncludeTax, Invoice.Currency, Queries.Taxes);
    }

    private Task SaveHeaderAsync() => ChangeAsync(() => Drafts.UpdateHeaderAsync(Invoice.Id, Invoice.RowVersion, _header), L["Saved."]);

    private async Task AddTimeAsync()
    {
        var today = Show.Day(Clock.GetUtcNow());
        var parameters = new DialogParameters<AddTimeDialog>
        {
            { d => d.InvoiceId, Invoice.Id },
            { d => d.Version, Invoice.RowVersion },
            { d => d.CustomerId, Invoice.CustomerId },
            { d => d.Grouping, Invoice.Grouping },
            { d => d.From, Invoice.PeriodFrom ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1) },
            { d => d.To, Invoice.PeriodTo is { } to && to > today ? to : today },
        };
        var dialog = await Dialogs.ShowAsync<AddTimeDialog>(L["Add unbilled time"], parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        await AfterDialogAsync(dialog, L["Time added."]);
    }

    private async Task EditLineAsync(InvoiceLine? line, LineKind kind)
    {
        var parameters = new DialogParameters<LineDialog>
        {
            { d => d.InvoiceId, Invoice.Id },
            { d => d.Version, Invoice.RowVersion },
            { d => d.Currency, Invoice.Currency },
            { d => d.Taxes, Queries.Taxes },
            { d => d.DefaultTaxProfile, Invoice.TaxProfile },
            { d => d.Line, line },
            { d => d.Kind, kind },
        };
        var title = line is not null ? L["Edit line"] : kind == LineKind.Discount ? L["Add discount"] : L["Add fixed fee"];
        var dialog = await Dialogs.ShowAsync<LineDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await AfterDialogAsync(dialog, L["Saved."]);
    }

    private Task RemoveLineAsync(InvoiceLine line) =>
        ChangeAsync(() => Drafts.RemoveLineAsync(Invoice.Id, Invoice.RowVersion, line.Id), line.Kind == LineKind.Time ? L["Line removed; its time is unbilled again."] : L["Line removed."]);

    private async Task IssueAsync()
    {
        var confirmed = await Dialogs.ConfirmAsync(
            Invoice.Kind == InvoiceKind.CreditNote ? L["Issue credit note"] : L["Issue invoice"],
            L["Issuing gives the document its number and freezes it: from then on it can be corrected only by a credit note."],
            L["Issue"], L["Cancel"]);
        if (!confirmed)
        {
            return;
        }

        await ChangeAsync(() => Issuing.IssueAsync(Invoice.Id, Invoice.RowVersion), L["Issued."]);
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ConfirmAsync(
            L["Delete draft"],
            Invoice.TimeEntries.Count > 0 ? L["The draft is deleted and its time becomes unbilled again."] : L["The draft is deleted."],
            L["Delete"], L["Cancel"], destructive: true);
        if (!confirmed)
        {
            return;
        }

        _busy = true;
        try
        {
            _result = await Drafts.DeleteAsync(Invoice.Id, Invoice.RowVersion);
        }
        finally
        {
            _busy = false;
        }

        if (_result.Succeeded)
        {
            Snackbar.Add(L["Draft deleted."], Severity.Success);
            Navigation.NavigateTo(Invoice.CreditedInvoiceId is { } credited ? InvoiceLinks.Invoice(credited) : InvoiceLinks.List);
        }
    }

    private async Task AfterDialogAsync(IDialogReference dialog, string message)
    {
        var outcome = await dialog.Result;
        if (outcome is { Canceled: false })
        {
            Snackbar.Add(message, Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    private async Task ChangeAsync(Func<Task<ChangeResult>> change, string message)
    {
        _busy = true;
        try
        {
            _result = await change();
        }
        finally
        {
            _busy = false;
        }

        if (_result.Succeeded)
        {
            Snackbar.Add(message, Severity.Success);
            await Changed.InvokeAsync();
        }
    }
}
