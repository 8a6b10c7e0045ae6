using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Plugins.Invoicing.Features.Invoices;

/// <summary>
/// A document: the editor while it is a draft, the read-only document with its payments, credit
/// notes and PDF once issued.
/// </summary>
public partial class InvoicePage
{
    private Invoice? _invoice;
    private bool _missing;
    private bool _canManage;

    [Inject]
    private InvoiceQueries Queries { get; set; } = default!;

    /// <summary>The document.</summary>
    [Parameter]
    public long Id { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _canManage = await Queries.CanManageAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _invoice = await Queries.GetAsync(Id);
        _missing = _invoice is null;
    }

    private string Title() => _invoice switch
    {
        null => L["Invoice"],
        { Number: { } number } => number,
        { Kind: InvoiceKind.CreditNote } => L["Draft credit note"],
        _ => L["Draft invoice"],
    };
}
