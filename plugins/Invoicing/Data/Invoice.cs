using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Taxes;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Projects;

namespace CrmBlazor.Plugins.Invoicing.Data;

/// <summary>
/// An invoice or a credit note, and the rules it keeps. A draft has no number and can change; issuing
/// gives it the next number of its series and year and freezes it: from then on only its payment state
/// changes (payments, credit notes, the due date passing). Nothing outside changes it but its methods:
/// each checks the rules, keeps lines, tax totals, totals and status in step, and raises the domain
/// events others react to, which the context publishes with the save (<see cref="InvoicingDbContext"/>).
/// </summary>
/// <remarks>
/// <para>
/// A refusal a user can cause (a change of an issued document, a payment of more than is owed) is
/// returned as an <see cref="InvoiceRefusal"/> and nothing is changed; an argument valid input never
/// gives (an unknown tax profile, a line of another document) throws. Amounts are computed by
/// <see cref="InvoiceCalculator"/> in the currency's minor units.
/// </para>
/// <para>
/// What is not the document's business stays with the services: permissions, loading (the whole
/// document: <see cref="InvoicingDbContext.LoadInvoiceAsync"/>), the number sequence, the projects
/// plugin's marks of billed time, and saving with the version the user loaded.
/// </para>
/// </remarks>
public sealed class Invoice : IVersionedEntity
{
    private static readonly InvoiceRefusal Frozen = InvoiceRefusal.Of(new Problem("An issued document cannot be changed; issue a credit note instead."));

    private readonly List<InvoiceLine> _lines = [];
    private readonly List<InvoiceTaxTotal> _taxTotals = [];
    private readonly List<InvoiceTimeEntry> _timeEntries = [];
    private readonly List<Payment> _payments = [];
    private readonly List<InvoiceReminder> _reminders = [];
    private readonly List<InvoiceSending> _sendings = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private Invoice()
    {
    }

    public long Id { get; private set; }

    public InvoiceKind Kind { get; private set; }

    /// <summary>Where the document stands; computed from its amounts and dates (<see cref="RefreshStatus"/>).</summary>
    public InvoiceStatus Status { get; private set; }

    /// <summary>The number, e.g. INV-2026-00042; null while a draft.</summary>
    public string? Number { get; private set; }

    /// <summary>The year of the number's sequence (the issue date's year).</summary>
    public int? SequenceYear { get; private set; }

    /// <summary>The position in that year's sequence, 1, 2, 3…</summary>
    public long? SequenceNumber { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The customer's name as it was when drafted, frozen on issue (the legal content of the invoice).</summary>
    public string CustomerName { get; private set; } = string.Empty;

    /// <summary>ISO 4217 code; amounts have this currency's minor units.</summary>
    public string Currency { get; private set; } = string.Empty;

    /// <summary>The document date: the day the draft was made, then the issue date.</summary>
    public DateOnly Date { get; private set; }

    public DateOnly? IssueDate { get; private set; }

    /// <summary>For an issued invoice: the issue date plus the payment term; credit notes have none.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The period of the time billed, if any.</summary>
    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly? PeriodTo { get; private set; }

    public TimeGrouping Grouping { get; private set; }

    /// <summary>The tax profile new lines and time lines take (a key of the configured profiles).</summary>
    public string TaxProfile { get; private set; } = string.Empty;

    /// <summary>Whether prices and line amounts include tax.</summary>
    public bool PricesIncludeTax { get; private set; }

    /// <summary>For a credit note: the invoice it corrects.</summary>
    public long? CreditedInvoiceId { get; private set; }

    /// <summary>For a draft made by a monthly run: the first day of the month it bills (one per customer and month).</summary>
    public DateOnly? RunPeriod { get; private set; }

    public string? Notes { get; private set; }

    public decimal NetTotal { get; private set; }

    public decimal TaxTotal { get; private set; }

    public decimal GrossTotal { get; private set; }

    /// <summary>For an invoice: the payments recorded.</summary>
    public decimal PaidTotal { get; private set; }

    /// <summary>For an invoice: what issued credit notes cancelled.</summary>
    public decimal CreditedTotal { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    public string? IssuedBy { get; private set; }

    /// <summary>The version (<see cref="IVersionedEntity"/>), given a new value by the host at every save.</summary>
    public Guid RowVersion { get; private set; }

    Guid IVersionedEntity.RowVersion
    {
        get => RowVersion;
        set => RowVersion = value;
    }

    /// <summary>The lines: time lines first, then fees and discounts, numbered from 1.</summary>
    public IReadOnlyList<InvoiceLine> Lines => _lines;

    /// <summary>The tax of each component of each tax profile on the lines.</summary>
    public IReadOnlyList<InvoiceTaxTotal> TaxTotals => _taxTotals;

    /// <summary>For an invoice: the annex, every time entry its time lines bill.</summary>
    public IReadOnlyList<InvoiceTimeEntry> TimeEntries => _timeEntries;

    /// <summary>For an invoice: the payments received.</summary>
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>For an overdue invoice: the reminders recorded, one per level.</summary>
    public IReadOnlyList<InvoiceReminder> Reminders => _reminders;

    /// <summary>The events raised since the document was loaded, published when the context saves it.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>The times the issued document was sent by e-mail, first to last.</summary>
    public IReadOnlyList<InvoiceSending> Sendings => _sendings;

    /// <summary>The latest sending, or null if the document was never sent.</summary>
    public InvoiceSending? LastSending => _sendings.Count == 0 ? null : _sendings.MaxBy(s => s.Position);

    /// <summary>What is still owed: the gross amount less credit notes and payments (never below zero).</summary>
    public decimal Outstanding => Math.Max(0, GrossTotal - CreditedTotal - PaidTotal);

    /// <summary>
    /// What the firm owes the customer on this invoice: payments and credit notes beyond its gross
    /// amount (a credit note issued after the invoice was paid), to refund or to set against another.
    /// </summary>
    public decimal Overpaid => Math.Max(0, PaidTotal + CreditedTotal - GrossTotal);

    public bool IsDraft => Status == InvoiceStatus.Draft;

    /// <summary>A new, empty draft invoice for a customer, in the customer's currency and under their current name.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="taxProfile">The tax profile of new lines (a configured one).</param>
    /// <param name="pricesIncludeTax">Whether prices include tax.</param>
    /// <param name="grouping">How its time becomes lines.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now: the draft's date is its UTC day.</param>
    /// <param name="periodFrom">The first day of the time it bills, if it bills a period.</param>
    /// <param name="periodTo">The last day of that period.</param>
    /// <param name="runPeriod">For a monthly run's draft: the first day of the month.</param>
    public static Invoice NewDraft(
        CustomerSummary customer,
        string taxProfile,
        bool pricesIncludeTax,
        TimeGrouping grouping,
        TaxCatalog taxes,
        DateTimeOffset now,
        DateOnly? periodFrom = null,
        DateOnly? periodTo = null,
        DateOnly? runPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentException.ThrowIfNullOrWhiteSpace(customer.Currency);
        KnownProfile(taxProfile, taxes);
        KnownGrouping(grouping);
        if (periodFrom > periodTo)
        {
            throw new ArgumentException("A period ends on or after its first day.", nameof(periodTo));
        }

        return new Invoice
        {
            Kind = InvoiceKind.Invoice,
            Status = InvoiceStatus.Draft,
            CustomerId = customer.Id,
            CustomerName = customer.Name,
            Currency = customer.Currency.ToUpperInvariant(),
            Date = DayOf(now),
            Grouping = grouping,
            TaxProfile = taxProfile,
            PricesIncludeTax = pricesIncludeTax,
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            RunPeriod = runPeriod,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Makes a credit-note draft for this issued invoice with copies of all its lines, or of the chosen
    /// ones (a partial credit). A line can be on one credit note only.
    /// </summary>
    /// <param name="lines">Lines of this invoice to credit; null or empty for all.</param>
    /// <param name="creditedElsewhere">The ids of this invoice's lines already on another credit note.</param>
    /// <param name="notes">Why (printed on the credit note).</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <param name="creditNote">The credit-note draft, or null when refused.</param>
    /// <returns>Null, or why no credit note can be made (field <c>LineIds</c> for the choice of lines).</returns>
    public InvoiceRefusal? DraftCreditNote(
        IReadOnlyCollection<InvoiceLine>? lines,
        IReadOnlySet<long> creditedElsewhere,
        string? notes,
        TaxCatalog taxes,
        DateTimeOffset now,
        out Invoice? creditNote)
    {
        ArgumentNullException.ThrowIfNull(creditedElsewhere);
        ArgumentNullException.ThrowIfNull(taxes);
        creditNote = null;
        if (Kind != InvoiceKind.Invoice || Status is InvoiceStatus.Draft or InvoiceStatus.Cancelled)
        {
            return InvoiceRefusal.Of(new Problem("Only an issued invoice that is not cancelled can be credited."));
        }

        var chosen = lines is { Count: > 0 } ? lines.Distinct().ToList() : [.. _lines];
        if (chosen.Any(l => !_lines.Contains(l)))
        {
            return InvoiceRefusal.NotItsLines;
        }

        if (chosen.FirstOrDefault(l => creditedElsewhere.Contains(l.Id)) is { } twice)
        {
            return new InvoiceRefusal(InvoiceRefusal.ChosenLines, new Problem("Line {0} ({1}) is already on another credit note.", twice.Position, twice.Description));
        }

        var credit = new Invoice
        {
            Kind = InvoiceKind.CreditNote,
            Status = InvoiceStatus.Draft,
            CustomerId = CustomerId,
            CustomerName = CustomerName,
            Currency = Currency,
            Date = DayOf(now),
            Grouping = Grouping,
            TaxProfile = TaxProfile,
            PricesIncludeTax = PricesIncludeTax,
            CreditedInvoiceId = Id,
            PeriodFrom = PeriodFrom,
            PeriodTo = PeriodTo,
            Notes = Clean(notes),
            CreatedAt = now,
            UpdatedAt = now,
        };
        credit._lines.AddRange(chosen.OrderBy(l => l.Position).Select(l => l.Credit()));
        credit.Recalculate(taxes);
        creditNote = credit;
        return null;
    }

    /// <summary>Refuses every change of an issued document: corrections are credit notes.</summary>
    /// <returns>Null for a draft.</returns>
    public InvoiceRefusal? CheckEditable() => IsDraft ? null : Frozen;

    /// <summary>Refuses to delete an issued document: it is kept as issued, and corrected by a credit note.</summary>
    /// <returns>Null for a draft.</returns>
    public InvoiceRefusal? CheckDeletable() =>
        IsDraft ? null : InvoiceRefusal.Of(new Problem("An issued document cannot be deleted; issue a credit note instead."));

    /// <summary>Refuses to issue a document twice.</summary>
    /// <returns>Null for a draft.</returns>
    public InvoiceRefusal? CheckNotIssued() =>
        IsDraft ? null : InvoiceRefusal.Of(new Problem("This document was already issued as {0}.", Number));

    /// <summary>Refuses time on a credit note: it credits lines of its invoice, whose time the invoice's annex lists.</summary>
    /// <returns>Null for an invoice.</returns>
    public InvoiceRefusal? CheckBillsTime() =>
        Kind == InvoiceKind.Invoice ? null : InvoiceRefusal.Of(new Problem("A credit note bills no time."));

    /// <summary>Changes a draft's tax profile (its time lines take it too), tax-inclusive prices, grouping of time (an invoice's only) and notes.</summary>
    /// <param name="taxProfile">The tax profile (a configured one).</param>
    /// <param name="pricesIncludeTax">Whether prices include tax.</param>
    /// <param name="grouping">How time becomes lines; a changed grouping regroups the annex.</param>
    /// <param name="notes">The notes, or null.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? ChangeHeader(string taxProfile, bool pricesIncludeTax, TimeGrouping grouping, string? notes, TaxCatalog taxes, DateTimeOffset now)
    {
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        KnownProfile(taxProfile, taxes);
        KnownGrouping(grouping);
        TaxProfile = taxProfile;
        PricesIncludeTax = pricesIncludeTax;
        Notes = Clean(notes);
        foreach (var line in _lines.Where(l => l.Kind == LineKind.Time))
        {
            line.TaxAs(taxProfile);
        }

        if (Kind == InvoiceKind.Invoice && Grouping != grouping)
        {
            Grouping = grouping;
            TimeLines.Regroup(_timeEntries, grouping);
            RebuildTimeLines();
        }

        Changed(taxes, now);
        return null;
    }

    /// <summary>Adds a fixed fee or a discount to a draft, after its other lines.</summary>
    /// <param name="kind">Fee or discount.</param>
    /// <param name="description">What it is.</param>
    /// <param name="quantity">The quantity, above zero.</param>
    /// <param name="unitPrice">The unit price, zero or more; a discount's is the amount taken off.</param>
    /// <param name="taxProfile">The tax profile (a configured one), or null for the draft's.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? AddLine(LineKind kind, string description, decimal quantity, decimal unitPrice, string? taxProfile, TaxCatalog taxes, DateTimeOffset now)
    {
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        CheckPriced(kind, quantity, unitPrice);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var profile = taxProfile ?? TaxProfile;
        KnownProfile(profile, taxes);
        var line = InvoiceLine.Priced(kind, description.Trim(), quantity, unitPrice, profile);
        line.MoveTo(_lines.Count == 0 ? 1 : _lines.Max(l => l.Position) + 1);
        _lines.Add(line);
        Changed(taxes, now);
        return null;
    }

    /// <summary>
    /// Changes a line of a draft: a fee or discount entirely; a time line its description and tax
    /// profile only (its amount comes from its time entries, and the other values are not used).
    /// </summary>
    /// <param name="line">A line of this document.</param>
    /// <param name="kind">Fee or discount.</param>
    /// <param name="description">What it is.</param>
    /// <param name="quantity">The quantity, above zero.</param>
    /// <param name="unitPrice">The unit price, zero or more.</param>
    /// <param name="taxProfile">The tax profile (a configured one), or null for the draft's.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? ChangeLine(InvoiceLine line, LineKind kind, string description, decimal quantity, decimal unitPrice, string? taxProfile, TaxCatalog taxes, DateTimeOffset now)
    {
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        Own(line);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var profile = taxProfile ?? TaxProfile;
        KnownProfile(profile, taxes);
        if (line.Kind != LineKind.Time)
        {
            CheckPriced(kind, quantity, unitPrice);
            line.Reprice(kind, quantity, unitPrice);
        }

        line.Describe(description.Trim(), profile);
        Changed(taxes, now);
        return null;
    }

    /// <summary>
    /// Removes a line from a draft; an invoice's time line takes its annex entries with it. (The draft
    /// service releases a time line's entries in the projects plugin instead and rebuilds the time from
    /// its marks, <see cref="ReplaceTime"/>: the marks decide what a draft bills.)
    /// </summary>
    /// <param name="line">A line of this document.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? RemoveLine(InvoiceLine line, TaxCatalog taxes, DateTimeOffset now)
    {
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        Own(line);
        _lines.Remove(line);
        if (line.Kind == LineKind.Time && Kind == InvoiceKind.Invoice)
        {
            _timeEntries.RemoveAll(t => t.GroupKey == line.GroupKey);
        }

        Changed(taxes, now);
        return null;
    }

    /// <summary>
    /// Makes a draft invoice bill exactly these time entries: the annex lists them, grouped into time
    /// lines as the draft groups time (a group keeps the tax profile its line had).
    /// </summary>
    /// <param name="billed">The entries the projects plugin says the draft bills.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not (an issued document, a credit note).</returns>
    public InvoiceRefusal? ReplaceTime(IEnumerable<BillableTimeEntry> billed, TaxCatalog taxes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(billed);
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        if (CheckBillsTime() is { } creditNote)
        {
            return creditNote;
        }

        _timeEntries.Clear();
        _timeEntries.AddRange(billed.Select(e => TimeLines.ToAnnex(e, Grouping)));
        RebuildTimeLines();
        Changed(taxes, now);
        return null;
    }

    /// <summary>Whether the annex lists exactly these time entries.</summary>
    /// <param name="entryIds">Time entries of the projects plugin.</param>
    public bool BillsExactly(IEnumerable<long> entryIds) => entryIds.ToHashSet().SetEquals(_timeEntries.Select(t => t.EntryId));

    /// <summary>The time entries a time line of this document bills (none for other lines).</summary>
    /// <param name="line">A line of this document.</param>
    public IReadOnlyList<long> EntriesOf(InvoiceLine line)
    {
        Own(line);
        return [.. _timeEntries.Where(t => line.GroupKey is not null && t.GroupKey == line.GroupKey).Select(t => t.EntryId)];
    }

    /// <summary>
    /// Computes a draft's amounts again: lines numbered (time first), each line's amount in the
    /// currency's minor units, the tax per profile and component, net, tax and gross. Every change of a
    /// draft does this; issued documents keep the amounts they were issued with.
    /// </summary>
    /// <param name="taxes">The tax profiles.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? Recalculate(TaxCatalog taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        if (CheckEditable() is { } frozen)
        {
            return frozen;
        }

        var position = 1;
        foreach (var line in _lines.OrderBy(l => l.Kind == LineKind.Time ? 0 : 1).ThenBy(l => l.Position).ToList())
        {
            line.MoveTo(position++);
            line.Price(Currency);
        }

        _lines.Sort((a, b) => a.Position.CompareTo(b.Position));

        var totals = InvoiceCalculator.Calculate(_lines.Select(l => new CalculatedLine(l.Amount, l.TaxProfile)), PricesIncludeTax, Currency, taxes);
        _taxTotals.Clear();
        _taxTotals.AddRange(totals.Taxes.Select(InvoiceTaxTotal.Of));
        NetTotal = totals.Net;
        TaxTotal = totals.Tax;
        GrossTotal = totals.Gross;
        return null;
    }

    /// <summary>
    /// Issues a draft: its amounts computed a last time, its number, its issue date (today, UTC) and an
    /// invoice's due date, the customer's name as it is now; from then on it is frozen. Raises
    /// <see cref="InvoiceIssued"/>. Refused for time without an hourly rate, without lines, or with a
    /// total of zero or less. A credit note is then applied to its invoice (<see cref="ApplyCredit"/>)
    /// in the same transaction.
    /// </summary>
    /// <param name="number">The number taken from the series' sequence of the issue date's year.</param>
    /// <param name="now">Now.</param>
    /// <param name="paymentTermDays">Days from issue to the due date (invoices only).</param>
    /// <param name="customerName">The customer's name now, or null to keep the one drafted (the customer was deleted).</param>
    /// <param name="issuedBy">Who issues it.</param>
    /// <param name="taxes">The tax profiles.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? Issue(DocumentNumber number, DateTimeOffset now, int paymentTermDays, string? customerName, string? issuedBy, TaxCatalog taxes)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentOutOfRangeException.ThrowIfNegative(paymentTermDays);
        if (CheckNotIssued() is { } issued)
        {
            return issued;
        }

        var today = DayOf(now);
        if (number.Year != today.Year)
        {
            throw new ArgumentException("A document is numbered in the sequence of its issue date's year.", nameof(number));
        }

        if (_timeEntries.FirstOrDefault(t => t.HourlyRate is null) is { } unpriced)
        {
            return InvoiceRefusal.Of(new Problem("The time of {0} on {1:d} ({2}) has no hourly rate; set a rate on the project or remove the line.", unpriced.PersonName, unpriced.Date, unpriced.ProjectName));
        }

        if (_lines.Count == 0)
        {
            return InvoiceRefusal.Of(new Problem("Add at least one line before issuing."));
        }

        Recalculate(taxes);
        if (GrossTotal <= 0)
        {
            return InvoiceRefusal.Of(new Problem("The total must be above zero."));
        }

        if (!string.IsNullOrWhiteSpace(customerName))
        {
            CustomerName = customerName;
        }

        Number = number.Text;
        SequenceYear = number.Year;
        SequenceNumber = number.Position;
        Date = today;
        IssueDate = today;
        DueDate = Kind == InvoiceKind.Invoice ? today.AddDays(paymentTermDays) : null;
        IssuedAt = now;
        IssuedBy = issuedBy;
        UpdatedAt = now;
        RefreshStatus(today);
        Raise(new InvoiceIssued(Id, CustomerId, Kind, Number, GrossTotal, Currency, today, CreditedInvoiceId));
        return null;
    }

    /// <summary>
    /// Applies an issued credit note of this invoice: what it credits is no longer owed (cancelled when
    /// credit notes cover the whole amount). A credit note may not exceed what is left of the invoice.
    /// </summary>
    /// <param name="creditNote">A credit note of this invoice, just issued.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not.</returns>
    public InvoiceRefusal? ApplyCredit(Invoice creditNote, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        if (creditNote.Kind != InvoiceKind.CreditNote || creditNote.CreditedInvoiceId != Id || creditNote.IsDraft)
        {
            throw new ArgumentException("Only an issued credit note of this invoice is applied to it.", nameof(creditNote));
        }

        if (Kind != InvoiceKind.Invoice || Status is InvoiceStatus.Draft or InvoiceStatus.Cancelled)
        {
            return InvoiceRefusal.CreditedInvoiceGone;
        }

        var left = GrossTotal - CreditedTotal;
        if (creditNote.GrossTotal > left)
        {
            return InvoiceRefusal.Of(new Problem("A credit note cannot exceed what is left of the invoice: {0}.", new Money(InvoiceCalculator.Normalize(left, Currency), Currency)));
        }

        CreditedTotal += creditNote.GrossTotal;
        RefreshStatus(DayOf(now));
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// Records a payment received for an issued invoice that is not cancelled: dated today or before,
    /// in the currency's minor units, never more than what is owed. Raises <see cref="PaymentReceived"/>.
    /// Needs the invoice's payments loaded (the event numbers them).
    /// </summary>
    /// <param name="date">The day it was paid.</param>
    /// <param name="amount">The amount, above zero.</param>
    /// <param name="reference">The bank's or the customer's reference, or null.</param>
    /// <param name="recordedBy">Who records it.</param>
    /// <param name="now">Now.</param>
    /// <returns>Null, or why not (fields <c>Date</c> and <c>Amount</c>).</returns>
    public InvoiceRefusal? RecordPayment(DateOnly date, decimal amount, string? reference, string? recordedBy, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Kind != InvoiceKind.Invoice || IsDraft)
        {
            return InvoiceRefusal.Of(new Problem("Payments can be recorded only for issued invoices."));
        }

        if (Status == InvoiceStatus.Cancelled)
        {
            return InvoiceRefusal.Of(new Problem("This invoice was cancelled by a credit note."));
        }

        var today = DayOf(now);
        if (date > today)
        {
            return new InvoiceRefusal(nameof(Payment.Date), new Problem("A payment cannot be dated in the future."));
        }

        if (!InvoiceCalculator.FitsMinorUnits(amount, Currency))
        {
            return new InvoiceRefusal(nameof(Payment.Amount), new Problem("{0} amounts have at most {1} decimals.", Currency, MoneyFormat.MinorUnitsOf(Currency)));
        }

        if (amount > Outstanding)
        {
            return new InvoiceRefusal(nameof(Payment.Amount), new Problem("The payment is more than what is owed: {0}.", new Money(InvoiceCalculator.Normalize(Outstanding, Currency), Currency)));
        }

        _payments.Add(Payment.Of(date, amount, Clean(reference), now, recordedBy));
        PaidTotal += amount;
        RefreshStatus(today);
        UpdatedAt = now;
        Raise(new PaymentReceived(Id, _payments.Count, CustomerId, Number!, amount, Currency, date, Status));
        return null;
    }

    /// <summary>
    /// Sets the status from the amounts and the due date, the one place it is computed. A draft stays a
    /// draft and an issued credit note stays issued. An invoice is cancelled when credit notes cover its
    /// whole amount; paid when payments and credit notes cover it; overdue after the due date while
    /// something is owed; partly paid after a first payment; issued otherwise.
    /// </summary>
    /// <param name="today">Today.</param>
    /// <returns>Whether the status changed.</returns>
    public bool RefreshStatus(DateOnly today)
    {
        var status = Number is null ? InvoiceStatus.Draft
            : Kind == InvoiceKind.CreditNote ? InvoiceStatus.Issued
            : CreditedTotal >= GrossTotal ? InvoiceStatus.Cancelled
            : PaidTotal + CreditedTotal >= GrossTotal ? InvoiceStatus.Paid
            : DueDate is { } due && due < today ? InvoiceStatus.Overdue
            : PaidTotal > 0 ? InvoiceStatus.PartlyPaid
            : InvoiceStatus.Issued;
        if (status == Status)
        {
            return false;
        }

        Status = status;
        return true;
    }

    /// <summary>
    /// The nightly look at an issued invoice: refreshes its status and, when it is overdue, records the
    /// reminder of the highest level whose day after the due date has come, unless that level or a
    /// higher one was recorded (one reminder, not a burst, when several fell due while nobody looked).
    /// Raises <see cref="PaymentReminderDue"/> for it. Needs the invoice's reminders loaded.
    /// </summary>
    /// <param name="reminderDays">The days after the due date of each level, ascending.</param>
    /// <param name="now">Now.</param>
    /// <returns>Whether a reminder was recorded.</returns>
    public bool RemindIfOverdue(IReadOnlyList<int> reminderDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminderDays);
        var today = DayOf(now);
        var changed = RefreshStatus(today);
        var level = Status == InvoiceStatus.Overdue && DueDate is { } due ? reminderDays.Count(days => due.AddDays(days) <= today) : 0;
        var recorded = _reminders.Count == 0 ? 0 : _reminders.Max(r => r.Level);
        var remind = level > recorded;
        if (remind)
        {
            _reminders.Add(InvoiceReminder.Of(level, today, now));
            Raise(new PaymentReminderDue(Id, CustomerId, Number!, level, DueDate!.Value, Outstanding, Currency, today));
        }

        if (changed || remind)
        {
            UpdatedAt = now;
        }

        return remind;
    }

    /// <summary>
    /// Records that the issued document is sent by e-mail now, as the next sending (the service queues
    /// the message, keyed by the sending, in the same save). A draft is never sent. Needs the sendings
    /// loaded. <paramref name="expectedSendings"/> is how many sendings the user saw: a second click, or
    /// a colleague who sent it meanwhile, is refused rather than sending it twice.
    /// </summary>
    /// <param name="expectedSendings">The number of sendings the user saw when they chose to send.</param>
    /// <param name="email">The recipient's address.</param>
    /// <param name="name">The recipient's name.</param>
    /// <param name="contactId">The contact, or null for the customer's own address.</param>
    /// <param name="sentBy">Who sends it.</param>
    /// <param name="fileName">The PDF's file name.</param>
    /// <param name="pdf">The PDF attached, kept with the sending.</param>
    /// <param name="now">Now.</param>
    /// <returns>The sending, or why not.</returns>
    public (InvoiceSending? Sending, InvoiceRefusal? Refusal) RecordSending(
        int expectedSendings, string email, string name, long? contactId, string? sentBy, string fileName, byte[] pdf, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(pdf);
        if (IsDraft)
        {
            return (null, InvoiceRefusal.Of(new Problem("Only issued documents can be sent.")));
        }

        if (_sendings.Count != expectedSendings)
        {
            return (null, InvoiceRefusal.Of(new Problem("This document was sent meanwhile; check whether it should be sent again.")));
        }

        var sending = InvoiceSending.Of(_sendings.Count + 1, email, name, contactId, sentBy, fileName, pdf, now);
        _sendings.Add(sending);
        UpdatedAt = now;
        return (sending, null);
    }

    /// <summary>Forgets the raised events once the context has taken them for publishing.</summary>
    internal void ClearDomainEvents() => _domainEvents.Clear();

    private static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void KnownProfile(string taxProfile, TaxCatalog taxes)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        if (!taxes.Contains(taxProfile))
        {
            throw new ArgumentException($"The tax profile '{taxProfile}' is not configured.", nameof(taxProfile));
        }
    }

    private static void KnownGrouping(TimeGrouping grouping)
    {
        if (!Enum.IsDefined(grouping))
        {
            throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Time is grouped by task, person or day.");
        }
    }

    private static void CheckPriced(LineKind kind, decimal quantity, decimal unitPrice)
    {
        if (kind is not (LineKind.Fee or LineKind.Discount))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only fees and discounts are priced by hand; time lines come from time entries.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
    }

    private void Own(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_lines.Contains(line))
        {
            throw new ArgumentException("The line is not on this document.", nameof(line));
        }
    }

    /// <summary>Replaces the time lines by those of the annex, each group keeping the tax profile its line had.</summary>
    private void RebuildTimeLines()
    {
        var profileOf = _lines.Where(l => l.Kind == LineKind.Time && l.GroupKey is not null)
            .GroupBy(l => l.GroupKey!).ToDictionary(g => g.Key, g => g.First().TaxProfile);
        _lines.RemoveAll(l => l.Kind == LineKind.Time);
        foreach (var line in TimeLines.Lines(_timeEntries, Grouping, Currency, TaxProfile))
        {
            line.TaxAs(profileOf.GetValueOrDefault(line.GroupKey!, TaxProfile));
            _lines.Add(line);
        }
    }

    private void Changed(TaxCatalog taxes, DateTimeOffset now)
    {
        Recalculate(taxes);
        UpdatedAt = now;
    }

    private void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}
