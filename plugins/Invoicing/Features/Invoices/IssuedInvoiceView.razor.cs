using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Payments;
using CrmBlazor.Plugins.Invoicing.Features.Sending;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Messaging;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// An issued document: what was frozen on issue (lines, tax per rate, totals), its payments and
/// credit notes, the PDF shown in the page and as a download, to whom it was last sent and what became
/// of that message in the outbox (queued, sent, not sent, failed), and,
/// for accountants, sending it by e-mail, recording a payment and issuing a credit note.
/// </summary>
public partial class IssuedInvoiceView : IAsyncDisposable
{
    // A queued message usually leaves within seconds: the state is read again meanwhile, for a minute at most
    // (a message waiting for a retry after a failure says so, and is not watched).
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollFor = TimeSpan.FromMinutes(1);

    private readonly PagePolling _polling = new(PollInterval);
    private IReadOnlyList<InvoiceListItem> _creditNotes = [];
    private HashSet<long> _creditedLines = [];
    private InvoiceListItem? _credited;
    private MessageStatus? _delivery;

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    [Inject]
    private InvoiceSendService Sender { get; set; } = default!;

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
        // What became of the latest sending's message: the outbox, not the sending, knows whether it left.
        _delivery = Invoice.LastSending is { } sent ? await Sender.DeliveryAsync(Invoice.Id, sent.Position) : null;
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

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && Waiting())
        {
            _polling.Start(Waiting, ReadDeliveryAsync, PollFor);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _polling.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private bool Waiting() => _delivery is { State: MessageDeliveryState.Queued, LastAnswer: null };

    private Task ReadDeliveryAsync(CancellationToken cancellationToken) => InvokeAsync(async () =>
    {
        if (Invoice.LastSending is { } sent)
        {
            _delivery = await Sender.DeliveryAsync(Invoice.Id, sent.Position, cancellationToken);
            StateHasChanged();
        }
    });

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

    private async Task SendAsync()
    {
        var parameters = new DialogParameters<SendInvoiceDialog>
        {
            { d => d.InvoiceId, Invoice.Id },
            { d => d.Number, Invoice.Number ?? string.Empty },
            { d => d.SentBefore, Invoice.Sendings.Count },
            { d => d.LastSending, Invoice.LastSending },
        };
        var title = Invoice.LastSending is null ? L["Send {0} by e-mail", Invoice.Number ?? string.Empty] : L["Send {0} again", Invoice.Number ?? string.Empty];
        var dialog = await Dialogs.ShowAsync<SendInvoiceDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string email })
        {
            Snackbar.Add(L["The e-mail to {0} is queued in the outbox.", email], Severity.Success);
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
