using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Jobs;

/// <summary>
/// Every night (<c>invoicing:overdue</c>, 04:00 UTC): marks issued invoices whose due date passed as
/// overdue, and records payment reminders at the days after the due date the settings name
/// (<c>Plugins:invoicing:ReminderDays</c>, default 1, 14 and 30). Each reminder level is recorded once
/// per invoice (a unique index on invoice and level) with its <c>invoicing.payment-reminder</c> event,
/// which puts it on the customer's timeline. When several levels fell due while the job did not run,
/// only the highest is recorded: one reminder, not a burst.
/// </summary>
public sealed class OverdueInvoicesJob(IDbContextFactory<InvoicingDbContext> contexts, IOptions<InvoicingSettings> settings, TimeProvider clock) : IPluginJob
{
    /// <summary>The job key.</summary>
    public const string Key = "overdue";

    /// <summary>The schedule: every night at 04:00 UTC.</summary>
    public const string Schedule = "0 4 * * *";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var schedule = settings.Value.ReminderSchedule;
        List<long> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Invoices.AsNoTracking()
                .Where(i => i.Kind == InvoiceKind.Invoice && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.PartlyPaid || i.Status == InvoiceStatus.Overdue) && i.DueDate < today)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var reminded = 0;
        for (var n = 0; n < ids.Count; n++)
        {
            if (await HandleAsync(ids[n], today, schedule, cancellationToken))
            {
                reminded++;
            }

            if (n % 50 == 49)
            {
                await context.ReportProgressAsync((n + 1) * 100 / ids.Count, $"{n + 1} of {ids.Count} overdue invoices", cancellationToken);
            }
        }

        await context.ReportProgressAsync(100, $"{ids.Count} overdue invoice(s), {reminded} reminder(s)", cancellationToken);
    }

    private async Task<bool> HandleAsync(long invoiceId, DateOnly today, IReadOnlyList<int> schedule, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.Invoices.FirstAsync(i => i.Id == invoiceId, cancellationToken);
        invoice.Status = InvoiceStatuses.Evaluate(invoice, today);
        var level = 0;
        if (invoice.Status == InvoiceStatus.Overdue && invoice.DueDate is { } due)
        {
            level = schedule.Count(days => due.AddDays(days) <= today);
        }

        var recorded = level == 0 ? 0 : await db.Reminders.Where(r => r.InvoiceId == invoiceId).Select(r => (int?)r.Level).MaxAsync(cancellationToken) ?? 0;
        var remind = level > recorded;
        if (remind)
        {
            db.Reminders.Add(new InvoiceReminder { InvoiceId = invoiceId, Level = level, Date = today, RecordedAt = clock.GetUtcNow() });
            db.Publish(new PaymentReminderDue(invoice.Id, invoice.CustomerId, invoice.Number!, level, invoice.DueDate!.Value, invoice.Outstanding, invoice.Currency, today));
        }

        if (!remind && !db.ChangeTracker.HasChanges())
        {
            return false;
        }

        invoice.UpdatedAt = db.ChangeTracker.HasChanges() ? clock.GetUtcNow() : invoice.UpdatedAt;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A payment changed the invoice, or another run recorded the reminder: tomorrow's run looks again.
            return false;
        }

        return remind;
    }
}
