using CrmBlazor.Plugins.Invoicing.Data;
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
/// only the highest is recorded: one reminder, not a burst. The rules are the invoice's
/// (<see cref="Invoice.RemindIfOverdue"/>); the job finds the invoices and saves each on its own.
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
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
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
            if (await HandleAsync(ids[n], now, schedule, cancellationToken))
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

    private async Task<bool> HandleAsync(long invoiceId, DateTimeOffset now, IReadOnlyList<int> schedule, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.LoadInvoiceAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return false;
        }

        var reminded = invoice.RemindIfOverdue(schedule, now);
        if (!db.ChangeTracker.HasChanges())
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A payment changed the invoice, or another run recorded the reminder: tomorrow's run looks again.
            return false;
        }

        return reminded;
    }
}
