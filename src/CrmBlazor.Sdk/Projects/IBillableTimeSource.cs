namespace CrmBlazor.Sdk.Projects;

/// <summary>
/// Billable time for invoicing, offered by the projects plugin (inject it; it is absent when the
/// plugin is not loaded, so depend on the plugin in <c>plugin.json</c>). Time entries are locked once
/// an invoice bills them, and editable again once a credit note releases them.
/// </summary>
/// <remarks>
/// The rate that applies to an entry is the person's own rate on the project when one is set, else
/// the project's hourly rate (<see cref="RateSource"/>). Rates are those in force when asked: an
/// invoice keeps the rates and amounts it was drafted with.
/// </remarks>
public interface IBillableTimeSource
{
    /// <summary>
    /// The billable entries not yet billed of a customer in a period, oldest first, each with the rate
    /// that applies and enough detail to group them by project, task, person or day.
    /// </summary>
    /// <param name="query">The customer, the period and optional narrowing.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<BillableTimeEntry>> GetUnbilledAsync(UnbilledTimeQuery query, CancellationToken cancellationToken = default);

    /// <summary>The customers with unbilled billable time in a period (for a monthly invoice run).</summary>
    /// <param name="from">First day of the period.</param>
    /// <param name="to">Last day of the period (inclusive).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<long>> GetCustomersWithUnbilledTimeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>The entries an invoice billed (for its annex of time entries and for credit notes).</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<BillableTimeEntry>> GetBilledAsync(long invoiceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks entries as billed by an invoice, which locks them. All or nothing: if any entry cannot be
    /// billed (missing, not billable, of another customer, billed by another invoice, changed
    /// meanwhile), none is marked and the outcome says why for each. Idempotent: entries already
    /// billed by the same invoice count as marked, so a retry succeeds. A draft marks its time without
    /// a number; marking the same entries again with <see cref="BillingReference.DocumentNumber"/> once
    /// the invoice is issued records the number users then see next to them.
    /// </summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="entryIds">The entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<BillingOutcome> MarkBilledAsync(BillingReference invoice, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an issued invoice's number on the entries it still bills, so that they name the invoice as
    /// users know it instead of the draft's id. Entries a credit note released meanwhile stay released
    /// (unlike <see cref="MarkBilledAsync"/>, which would bill them again). Idempotent. Throws
    /// <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> when an entry changes
    /// while it is numbered; the caller tries again.
    /// </summary>
    /// <param name="invoiceId">The issued invoice.</param>
    /// <param name="documentNumber">Its number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries were given the number by this call.</returns>
    Task<int> NumberBilledAsync(long invoiceId, string documentNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases entries billed by an invoice (a credit note cancelled it): they become unbilled,
    /// editable and billable again. Idempotent: releasing again changes nothing.
    /// </summary>
    /// <param name="invoiceId">The invoice that billed them.</param>
    /// <param name="entryIds">Only these entries (a partial credit), or null for all the invoice billed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries were released by this call.</returns>
    Task<int> ReleaseAsync(long invoiceId, IReadOnlyCollection<long>? entryIds = null, CancellationToken cancellationToken = default);
}

/// <summary>Which unbilled time to return.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period (inclusive).</param>
/// <param name="ProjectId">Only this project, or null for all the customer's projects.</param>
/// <param name="BillingModes">Only projects billed in these ways (e.g. leave out fixed-fee projects), or null for all.</param>
public sealed record UnbilledTimeQuery(
    long CustomerId,
    DateOnly From,
    DateOnly To,
    long? ProjectId = null,
    IReadOnlyCollection<BillingMode>? BillingModes = null);

/// <summary>A billable time entry with the rate that applies to it.</summary>
/// <param name="EntryId">The time entry.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="ProjectName">The project's name.</param>
/// <param name="BillingMode">How the project is billed.</param>
/// <param name="TaskId">The task, or null when the time is on the project as a whole.</param>
/// <param name="TaskName">The task's name, or null.</param>
/// <param name="UserId">The person who did the work.</param>
/// <param name="PersonName">The person's display name.</param>
/// <param name="Date">The day of the work.</param>
/// <param name="Minutes">The duration in minutes (exact; group by summing these).</param>
/// <param name="Note">What was done, as the person wrote it, or null.</param>
/// <param name="HourlyRate">The rate that applies, in <paramref name="Currency"/>, or null when none is set.</param>
/// <param name="RateSource">Where <paramref name="HourlyRate"/> comes from.</param>
/// <param name="Currency">The project's ISO 4217 currency code (the customer's currency).</param>
/// <param name="Amount">Minutes × rate ÷ 60, rounded to the currency's minor unit (half away from zero); null without a rate.</param>
/// <param name="BilledInvoiceId">The invoice that billed it, or null while unbilled.</param>
public sealed record BillableTimeEntry(
    long EntryId,
    long ProjectId,
    string ProjectName,
    BillingMode BillingMode,
    long? TaskId,
    string? TaskName,
    string UserId,
    string PersonName,
    DateOnly Date,
    int Minutes,
    string? Note,
    decimal? HourlyRate,
    RateSource RateSource,
    string Currency,
    decimal? Amount,
    long? BilledInvoiceId)
{
    /// <summary>The duration in hours (<see cref="Minutes"/> ÷ 60, not rounded).</summary>
    public decimal Hours => Minutes / 60m;
}

/// <summary>The invoice that bills time entries.</summary>
/// <param name="InvoiceId">The invoice's id in the invoicing plugin.</param>
/// <param name="CustomerId">The invoice's customer: entries of other customers are refused.</param>
/// <param name="DocumentNumber">The invoice number users see next to a locked entry (e.g. 2026-0042), or null.</param>
public sealed record BillingReference(long InvoiceId, long CustomerId, string? DocumentNumber);

/// <summary>The outcome of <see cref="IBillableTimeSource.MarkBilledAsync"/>.</summary>
/// <param name="Succeeded">Whether every entry is now billed by the invoice.</param>
/// <param name="Marked">How many entries this call marked (entries it had already marked are not counted).</param>
/// <param name="Refusals">Why entries could not be billed; empty on success.</param>
public sealed record BillingOutcome(bool Succeeded, int Marked, IReadOnlyList<BillingRefusal> Refusals);

/// <summary>Why an entry could not be billed.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Reason">A full English sentence, e.g. "Time entry 17 was already billed by invoice 2026-0041.".</param>
public sealed record BillingRefusal(long EntryId, string Reason);
