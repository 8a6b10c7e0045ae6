using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Jobs;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Projects;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Invoicing.Features.Runs;

/// <summary>The progress of a month's invoice run, as the UI polls it.</summary>
/// <param name="PeriodStart">The first day of the month billed.</param>
/// <param name="Status">Running, completed or failed.</param>
/// <param name="Total">Customers the latest execution handles: those with unbilled time and those with an unfinished run draft.</param>
/// <param name="Done">Customers the latest execution has handled so far.</param>
/// <param name="Drafted">Drafts of the month made by runs (all executions).</param>
/// <param name="Skipped">Customers the latest execution could not draft (see <paramref name="Message"/>).</param>
/// <param name="Message">Why, one customer per line, or null.</param>
/// <param name="StartedAt">When the latest execution started.</param>
/// <param name="FinishedAt">When it finished, or null while running.</param>
public sealed record InvoiceRunProgress(DateOnly PeriodStart, InvoiceRunStatus Status, int Total, int Done, int Drafted, int Skipped, string? Message, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>0 to 100.</summary>
    public int Percent => Total == 0 ? (Status == InvoiceRunStatus.Running ? 0 : 100) : Done * 100 / Total;
}

/// <summary>
/// The monthly invoice run: a draft for every customer with unbilled billable time in a month
/// (time-and-materials and prepaid-hours projects; fixed fees are invoiced by hand). Idempotent: a
/// customer gets at most one run draft per month (a unique index on customer and month), and time
/// already on a draft is billed, so running again makes nothing twice. Progress is kept in
/// <c>invoicing_runs</c> (one row per month) for the UI.
/// </summary>
/// <remarks>
/// Making a draft takes three saves in two plugins' tables that no transaction spans: the draft, the
/// time marked billed by it (projects plugin), the draft's lines. An execution killed between two of
/// them leaves a draft without its time or without its lines. So every execution visits not only the
/// customers with unbilled time but every run draft of the month that is still a draft, and
/// reconciles it with what the projects plugin says it bills (<see cref="InvoiceDraftService.CompleteRunDraftAsync"/>):
/// whatever step a crash interrupted, the next execution finishes it.
/// </remarks>
public sealed class InvoiceRunService(
    IDbContextFactory<InvoicingDbContext> contexts,
    IBillableTimeSource time,
    InvoiceDraftService drafts,
    InvoiceAccess access,
    IJobScheduler scheduler,
    TimeProvider clock)
{
    /// <summary>The first month a run can be started for.</summary>
    public static readonly DateOnly FirstMonth = new(2000, 1, 1);

    /// <summary>The last month a run can be started for.</summary>
    public static readonly DateOnly LastMonth = new(2100, 12, 1);

    /// <summary>The month before the current one (UTC): what a scheduled run bills.</summary>
    public DateOnly PreviousMonth()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <summary>Queues a run for a month, for an accountant who starts it from the UI.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="sendOnIssue">Whether each of the month's drafts is e-mailed to the customer when it is issued (<see cref="InvoiceRun.SendOnIssue"/>).</param>
    /// <param name="cancellationToken">Cancels the queuing.</param>
    /// <returns>The outcome; when queued, poll <see cref="GetAsync"/> for progress.</returns>
    public async Task<ChangeResult> StartAsync(int year, int month, bool sendOnIssue = false, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only accountants and administrators may start invoice runs."));
        }

        if (year < FirstMonth.Year || year > LastMonth.Year || month is < 1 or > 12)
        {
            return ChangeResult.Invalid("", new Problem("Choose a month."));
        }

        await scheduler.EnqueueAsync<MonthlyInvoiceRunJob>(new MonthlyInvoiceRunArguments(year, month, sendOnIssue), cancellationToken: cancellationToken);
        return ChangeResult.Saved(year * 100L + month);
    }

    /// <summary>The progress of a month's run, or null if it never ran.</summary>
    /// <param name="periodStart">The first day of the month.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<InvoiceRunProgress?> GetAsync(DateOnly periodStart, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see invoices.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.PeriodStart == periodStart)
            .Select(r => new InvoiceRunProgress(r.PeriodStart, r.Status, r.Total, r.Done, r.Drafted, r.Skipped, r.Message, r.StartedAt, r.FinishedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Runs a month (called by the job; no user).</summary>
    /// <param name="periodStart">The first day of the month.</param>
    /// <param name="sendOnIssue">Whether the month's drafts are e-mailed when issued, or null to keep the month's choice.</param>
    /// <param name="progress">Reports the percentage done, or null.</param>
    /// <param name="cancellationToken">Cancels the run; what was drafted stays.</param>
    internal async Task RunAsync(DateOnly periodStart, bool? sendOnIssue, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        var from = new DateOnly(periodStart.Year, periodStart.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        var runId = await BeginAsync(from, sendOnIssue, cancellationToken);
        var customers = await CustomersOfAsync(from, to, cancellationToken);
        await UpdateAsync(runId, r => r.Total = customers.Count, cancellationToken);
        var problems = new List<string>();
        var done = 0;
        foreach (var customerId in customers)
        {
            var outcome = await DraftAsync(customerId, from, to, cancellationToken);
            if (!outcome.Succeeded && outcome.Status != ChangeStatus.Conflict)
            {
                problems.Add($"Customer {customerId}: " + string.Join(" ", outcome.Messages));
            }

            done++;
            await UpdateAsync(runId, r =>
            {
                r.Done = done;
                r.Skipped = problems.Count;
            }, cancellationToken);
            if (progress is not null)
            {
                await progress(done * 100 / customers.Count);
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var drafted = await db.Invoices.CountAsync(i => i.RunPeriod == from, cancellationToken);
        await UpdateAsync(runId, r =>
        {
            r.Status = InvoiceRunStatus.Completed;
            r.Drafted = drafted;
            r.Message = problems.Count == 0 ? null : string.Join("\n", problems);
            r.FinishedAt = clock.GetUtcNow();
        }, cancellationToken);
    }

    /// <summary>Marks a month's run as failed (the job failed; the next execution carries on).</summary>
    internal async Task FailAsync(DateOnly periodStart, string message, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Runs.Where(r => r.PeriodStart == periodStart).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Status, InvoiceRunStatus.Failed).SetProperty(r => r.Message, message).SetProperty(r => r.FinishedAt, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>
    /// The customers a run of the month handles: those with unbilled time, and those with a run draft of
    /// the month that is still a draft (an interrupted execution may have left it without its time or lines).
    /// </summary>
    private async Task<List<long>> CustomersOfAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var withTime = await time.GetCustomersWithUnbilledTimeAsync(from, to, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var withDraft = await db.Invoices.AsNoTracking()
            .Where(i => i.RunPeriod == from && i.Status == InvoiceStatus.Draft)
            .Select(i => i.CustomerId)
            .ToListAsync(cancellationToken);
        return [.. withTime.Union(withDraft).Order()];
    }

    private async Task<ChangeResult> DraftAsync(long customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        long? existing;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            existing = await db.Invoices.Where(i => i.CustomerId == customerId && i.RunPeriod == from).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (existing is { } draftId)
        {
            return await drafts.CompleteRunDraftAsync(draftId, from, to, cancellationToken);
        }

        try
        {
            return await drafts.CreateFromTimeCoreAsync(new TimeDraftInput { CustomerId = customerId, From = from, To = to }, from, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another execution of the same month made this customer's draft at the same moment (the unique index).
            return InvoiceConflict.Result();
        }
    }

    private async Task<long> BeginAsync(DateOnly periodStart, bool? sendOnIssue, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = await db.Runs.FirstOrDefaultAsync(r => r.PeriodStart == periodStart, cancellationToken);
            if (run is null)
            {
                run = new InvoiceRun { PeriodStart = periodStart };
                db.Runs.Add(run);
            }

            run.Status = InvoiceRunStatus.Running;
            run.SendOnIssue = sendOnIssue ?? run.SendOnIssue;
            run.Total = 0;
            run.Done = 0;
            run.Skipped = 0;
            run.Message = null;
            run.StartedAt = clock.GetUtcNow();
            run.FinishedAt = null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return run.Id;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another execution created the month's row first: use it.
            }
        }
    }

    private async Task UpdateAsync(long runId, Action<InvoiceRun> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.FirstAsync(r => r.Id == runId, cancellationToken);
        change(run);
        await db.SaveChangesAsync(cancellationToken);
    }
}
