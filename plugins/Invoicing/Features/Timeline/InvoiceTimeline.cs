using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Timeline;

namespace CrmBlazor.Plugins.Invoicing.Features.Timeline;

/// <summary>The plugin's entries on customers' timelines; each fact has its own key, so a repeated delivery replaces rather than adds.</summary>
public static class InvoiceTimeline
{
    /// <summary>An invoice was issued.</summary>
    public const string IssuedKind = "invoicing.invoice-issued";

    /// <summary>A credit note was issued.</summary>
    public const string CreditedKind = "invoicing.credit-note-issued";

    /// <summary>A payment was received.</summary>
    public const string PaymentKind = "invoicing.payment-received";

    /// <summary>A reminder for an overdue invoice.</summary>
    public const string ReminderKind = "invoicing.payment-reminder";

    /// <summary>The kinds the plugin declares.</summary>
    public static IReadOnlyList<TimelineKind> Kinds { get; } =
    [
        new(IssuedKind, "Invoice issued", MudBlazor.Icons.Material.Filled.ReceiptLong),
        new(CreditedKind, "Credit note issued", MudBlazor.Icons.Material.Filled.Undo),
        new(PaymentKind, "Payment received", MudBlazor.Icons.Material.Filled.Payments),
        new(ReminderKind, "Payment reminder", MudBlazor.Icons.Material.Filled.NotificationImportant),
    ];

    /// <summary>The link of a document's page.</summary>
    /// <param name="invoiceId">The document.</param>
    public static string LinkOf(long invoiceId) => string.Create(CultureInfo.InvariantCulture, $"/invoicing/invoices/{invoiceId}");

    /// <summary>An amount as the timeline's text shows it (the invariant culture: timeline text is stored once for every reader).</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency.</param>
    public static string Money(decimal amount, string currency) =>
        amount.ToString("N" + CrmBlazor.Sdk.Formatting.MoneyFormat.MinorUnitsOf(currency), CultureInfo.InvariantCulture) + " " + currency;
}

/// <summary>Puts an issued invoice or credit note on its customer's timeline.</summary>
public sealed class InvoiceIssuedTimelineHandler(ITimeline timeline) : IDomainEventHandler<InvoiceIssued>
{
    /// <inheritdoc />
    public Task HandleAsync(InvoiceIssued domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        var credit = domainEvent.Kind == InvoiceKind.CreditNote;
        return timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId,
            credit ? InvoiceTimeline.CreditedKind : InvoiceTimeline.IssuedKind,
            string.Create(CultureInfo.InvariantCulture, $"invoicing.invoice:{domainEvent.InvoiceId}:issued"),
            context.OccurredAt,
            $"{(credit ? "Credit note" : "Invoice")} {domainEvent.Number} issued: {InvoiceTimeline.Money(domainEvent.Gross, domainEvent.Currency)}",
            Link: InvoiceTimeline.LinkOf(domainEvent.InvoiceId)), cancellationToken);
    }
}

/// <summary>Puts a payment on its customer's timeline.</summary>
public sealed class PaymentTimelineHandler(ITimeline timeline) : IDomainEventHandler<PaymentReceived>
{
    /// <inheritdoc />
    public Task HandleAsync(PaymentReceived domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        return timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId,
            InvoiceTimeline.PaymentKind,
            string.Create(CultureInfo.InvariantCulture, $"invoicing.invoice:{domainEvent.InvoiceId}:payment:{domainEvent.Sequence}"),
            context.OccurredAt,
            $"Payment of {InvoiceTimeline.Money(domainEvent.Amount, domainEvent.Currency)} received for invoice {domainEvent.Number}",
            Link: InvoiceTimeline.LinkOf(domainEvent.InvoiceId)), cancellationToken);
    }
}

/// <summary>Puts a payment reminder on its customer's timeline (one entry per invoice and reminder level).</summary>
public sealed class ReminderTimelineHandler(ITimeline timeline) : IDomainEventHandler<PaymentReminderDue>
{
    /// <summary>The key of an invoice's reminder of a level.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="level">The level.</param>
    public static string KeyOf(long invoiceId, int level) => string.Create(CultureInfo.InvariantCulture, $"invoicing.invoice:{invoiceId}:reminder:{level}");

    /// <inheritdoc />
    public Task HandleAsync(PaymentReminderDue domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(context);
        return timeline.RecordAsync(new TimelineEntry(
            domainEvent.CustomerId,
            InvoiceTimeline.ReminderKind,
            KeyOf(domainEvent.InvoiceId, domainEvent.Level),
            context.OccurredAt,
            string.Create(CultureInfo.InvariantCulture, $"Reminder {domainEvent.Level}: invoice {domainEvent.Number} is overdue since {domainEvent.DueDate:yyyy-MM-dd}, {InvoiceTimeline.Money(domainEvent.Outstanding, domainEvent.Currency)} outstanding"),
            Link: InvoiceTimeline.LinkOf(domainEvent.InvoiceId)), cancellationToken);
    }
}
