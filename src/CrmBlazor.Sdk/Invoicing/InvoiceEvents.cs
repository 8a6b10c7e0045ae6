using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Sdk.Invoicing;

/// <summary>
/// An invoice or credit note was issued (published by the invoicing plugin in the issuing transaction).
/// Stored and matched by its event name, so events stored before these records moved into the SDK
/// are delivered to handlers of this type.
/// </summary>
/// <param name="InvoiceId">The document.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Kind">Invoice or credit note.</param>
/// <param name="Number">Its number.</param>
/// <param name="Gross">Its gross total.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="IssueDate">The issue date.</param>
/// <param name="CreditedInvoiceId">For a credit note, the invoice it corrects.</param>
[DomainEvent("invoicing.invoice-issued")]
public sealed record InvoiceIssued(long InvoiceId, long CustomerId, InvoiceKind Kind, string Number, decimal Gross, string Currency, DateOnly IssueDate, long? CreditedInvoiceId) : IDomainEvent;

/// <summary>A payment was recorded for an invoice.</summary>
/// <param name="Sequence">The payment's position among the invoice's payments, 1 for the first.</param>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Number">The invoice number.</param>
/// <param name="Amount">The amount paid.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Date">The day it was paid.</param>
/// <param name="Status">The invoice's status after it.</param>
[DomainEvent("invoicing.payment-received")]
public sealed record PaymentReceived(long InvoiceId, int Sequence, long CustomerId, string Number, decimal Amount, string Currency, DateOnly Date, InvoiceStatus Status) : IDomainEvent;

/// <summary>An overdue invoice reached a reminder level (published once per invoice and level).</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Number">The invoice number.</param>
/// <param name="Level">1 for the first reminder, 2 for the second…</param>
/// <param name="DueDate">The due date.</param>
/// <param name="Outstanding">What is still owed.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Date">The day of the reminder.</param>
[DomainEvent("invoicing.payment-reminder")]
public sealed record PaymentReminderDue(long InvoiceId, long CustomerId, string Number, int Level, DateOnly DueDate, decimal Outstanding, string Currency, DateOnly Date) : IDomainEvent;
