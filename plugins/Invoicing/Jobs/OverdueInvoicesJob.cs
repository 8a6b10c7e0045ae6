using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Sending;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Invoicing;
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
/// Each reminder recorded is also e-mailed to the customer (<see cref="InvoiceMessageTemplates.ReminderKey"/>)
/// in the same save, keyed by invoice and level, so a job that runs again never sends it twice; a customer
/// without an address gets the reminder on the timeline only, and the job's message counts them.
/// </summary>
public sealed class OverdueInvoicesJob(
    IDbContextFactory<InvoicingDbContext> contexts,
    IOptions<InvoicingSettings> settings,
    TimeProvider clock,
    ICustomerDirectory customers,
    InvoiceMail mail) : IPluginJob
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
        var unaddressed = 0;
        for (var n = 0; n < ids.Count; n++)
        {
            switch (await HandleAsync(ids[n], now, schedule, cancellationToken))
            {
                case Reminded.WithMail:
                    reminded++;
                    break;
                case Reminded.WithoutAddress:
                    reminded++;
                    unaddressed++;
                    break;
            }

            if (n % 50 == 49)
            {
                await context.ReportProgressAsync((n + 1) * 100 / ids.Count, $"{n + 1} of {ids.Count} overdue invoices", cancellationToken);
            }
        }

        var message = $"{ids.Count} overdue invoice(s), {reminded} reminder(s)";
        if (unaddressed > 0)
        {
            message += $", {unaddressed} not e-mailed: neither the customer nor its primary contact has an e-mail address";
        }

        await context.ReportProgressAsync(100, message, cancellationToken);
    }

    private enum Reminded
    {
        No,
        WithMail,
        WithoutAddress,
    }

    private async Task<Reminded> HandleAsync(long invoiceId, DateTimeOffset now, IReadOnlyList<int> schedule, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var invoice = await db.LoadInvoiceAsync(invoiceId, cancellationToken);
        if (invoice is null)
        {
            return Reminded.No;
        }

        var reminded = invoice.RemindIfOverdue(schedule, now) ? Reminded.WithoutAddress : Reminded.No;
        if (!db.ChangeTracker.HasChanges())
        {
            return Reminded.No;
        }

        if (reminded != Reminded.No && await customers.GetBillingRecipientAsync(invoice.CustomerId, cancellationToken) is { } recipient)
        {
            var level = invoice.Reminders.Max(r => r.Level);
            db.Send(await mail.ReminderAsync(invoice, level, recipient, cancellationToken));
            reminded = Reminded.WithMail;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A payment changed the invoice, or another run recorded the reminder: tomorrow's run looks again.
            return Reminded.No;
        }

        return reminded;
    }
}
