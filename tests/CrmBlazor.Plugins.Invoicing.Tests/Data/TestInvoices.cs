using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Tests.Data;

/// <summary>
/// Invoices and credit notes in the situations the tests name, made through the documents' own methods
/// (no database: ids stay 0, as before a first save). Each step asserts it was not refused.
/// </summary>
internal static class TestInvoices
{
    /// <summary>The built-in tax profiles: GST within and between Indian states, Georgian VAT, exempt.</summary>
    public static readonly TaxCatalog Taxes = new(TaxProfile.BuiltIn);

    /// <summary>The moment drafts are made and documents issued, unless a test says otherwise.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The day of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A customer billed in a currency.</summary>
    public static CustomerSummary Customer(string currency = "INR", string name = "கயல்விழி டிரேடர்ஸ்") => new(7, name, currency, null, false);

    /// <summary>An empty draft invoice.</summary>
    public static Invoice Draft(string currency = "INR", string taxProfile = "exempt", bool pricesIncludeTax = false, TimeGrouping grouping = TimeGrouping.Task) =>
        Invoice.NewDraft(Customer(currency), taxProfile, pricesIncludeTax, grouping, Taxes, Now);

    /// <summary>Adds a fee of quantity × unit price.</summary>
    public static Invoice WithFee(this Invoice draft, decimal unitPrice, decimal quantity = 1, string? taxProfile = null, string description = "Setup")
    {
        Assert.Null(draft.AddLine(LineKind.Fee, description, quantity, unitPrice, taxProfile, Taxes, Now));
        return draft;
    }

    /// <summary>Adds a discount of an amount.</summary>
    public static Invoice WithDiscount(this Invoice draft, decimal amount, string? taxProfile = null)
    {
        Assert.Null(draft.AddLine(LineKind.Discount, "Loyalty discount", 1, amount, taxProfile, Taxes, Now));
        return draft;
    }

    /// <summary>Makes the draft bill these time entries (as the projects plugin marked them).</summary>
    public static Invoice WithTime(this Invoice draft, params BillableTimeEntry[] entries)
    {
        Assert.Null(draft.ReplaceTime(entries, Taxes, Now));
        return draft;
    }

    /// <summary>Issues the document with the next number of its series.</summary>
    public static Invoice IssuedAs(this Invoice draft, long position, DateTimeOffset? at = null, int paymentTermDays = 30, string? customerName = null)
    {
        var when = at ?? Now;
        var year = when.UtcDateTime.Year;
        var prefix = draft.Kind == InvoiceKind.CreditNote ? "CN" : "INV";
        Assert.Null(draft.Issue(new DocumentNumber($"{prefix}-{year}-{position:00000}", year, position), when, paymentTermDays, customerName, "Nino Tsereteli", Taxes));
        return draft;
    }

    /// <summary>Records a payment dated the day it is recorded.</summary>
    public static Invoice PaidWith(this Invoice invoice, decimal amount, DateTimeOffset? at = null)
    {
        var when = at ?? Now;
        Assert.Null(invoice.RecordPayment(DateOnly.FromDateTime(when.UtcDateTime), amount, "NEFT 4711", "Nino Tsereteli", when));
        return invoice;
    }

    /// <summary>A credit-note draft for all the invoice's lines, or the given ones.</summary>
    public static Invoice CreditNoteDraft(this Invoice invoice, params InvoiceLine[] lines)
    {
        Assert.Null(invoice.DraftCreditNote(lines, new HashSet<long>(), "Wrong rate", Taxes, Now, out var credit));
        return credit!;
    }

    /// <summary>Issues a credit note worth a gross amount (a price reduction: one exempt fee line) and applies it to the invoice.</summary>
    public static Invoice CreditedWith(this Invoice invoice, decimal gross, long position = 1)
    {
        var credit = invoice.CreditNoteDraft();
        foreach (var line in credit.Lines.ToList())
        {
            Assert.Null(credit.RemoveLine(line, Taxes, Now));
        }

        Assert.Null(credit.AddLine(LineKind.Fee, "Price reduction", 1, gross, "exempt", Taxes, Now));
        credit.IssuedAs(position);
        Assert.Null(invoice.ApplyCredit(credit, Now));
        return invoice;
    }

    /// <summary>A billable time entry of the project "Website" as the projects plugin describes it.</summary>
    public static BillableTimeEntry Time(long id, string person, DateOnly date, int minutes, decimal? rate = 1000m, (long Id, string Name)? task = null) =>
        new(id, 1, "Website", BillingMode.TimeAndMaterials, task?.Id, task?.Name, person.ToLowerInvariant(), person, date, minutes, "Design review",
            rate, RateSource.Project, "INR", rate is { } r ? Math.Round(minutes * r / 60m, 2, MidpointRounding.AwayFromZero) : null, null);

    /// <summary>The lines as (description, amount, tax profile).</summary>
    public static IEnumerable<(string Description, decimal Amount, string TaxProfile)> LinesOf(Invoice invoice) =>
        invoice.Lines.Select(l => (l.Description, l.Amount, l.TaxProfile));

    /// <summary>The tax totals as (component, rate, base, tax).</summary>
    public static IEnumerable<(string Component, decimal Rate, decimal Base, decimal Tax)> TaxesOf(Invoice invoice) =>
        invoice.TaxTotals.Select(t => (t.Component, t.Rate, t.Base, t.Tax));
}
