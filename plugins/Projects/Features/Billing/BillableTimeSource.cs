using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Billing;

/// <summary>
/// The plugin's implementation of <see cref="IBillableTimeSource"/> for invoicing. Called by another
/// plugin's services and jobs, which check their own permissions (issuing an invoice), so it checks
/// none itself.
/// </summary>
public sealed class BillableTimeSource(IDbContextFactory<ProjectsDbContext> contexts, IUserDirectory users, TimeProvider clock) : IBillableTimeSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<BillableTimeEntry>> GetUnbilledAsync(UnbilledTimeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = Unbilled(db, query.From, query.To).Where(t => db.Projects.Any(p => p.Id == t.ProjectId && p.CustomerId == query.CustomerId));
        if (query.ProjectId is { } projectId)
        {
            entries = entries.Where(t => t.ProjectId == projectId);
        }

        if (query.BillingModes is { Count: > 0 } modes)
        {
            var list = modes.ToList();
            entries = entries.Where(t => db.Projects.Any(p => p.Id == t.ProjectId && list.Contains(p.BillingMode)));
        }

        return await DescribeAsync(db, entries, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> GetCustomersWithUnbilledTimeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectIds = Unbilled(db, from, to).Select(t => t.ProjectId);
        return await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => p.CustomerId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BillableTimeEntry>> GetBilledAsync(long invoiceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DescribeAsync(db, db.TimeEntries.AsNoTracking().Where(t => t.BilledInvoiceId == invoiceId), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BillingOutcome> MarkBilledAsync(BillingReference invoice, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(entryIds);
        if (entryIds.Count == 0)
        {
            throw new ArgumentException("Name at least one time entry to bill.", nameof(entryIds));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = entryIds.Distinct().ToList();
        var entries = await db.TimeEntries.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var projectIds = entries.Values.Select(e => e.ProjectId).Distinct().ToList();
        var customerOf = await db.Projects.AsNoTracking()
            .Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.CustomerId, cancellationToken);
        var refusals = new List<BillingRefusal>();
        foreach (var id in ids)
        {
            var reason = entries.GetValueOrDefault(id) switch
            {
                null => $"Time entry {id} does not exist.",
                { IsBillable: false } => $"Time entry {id} is not billable.",
                var e when customerOf[e.ProjectId] != invoice.CustomerId => $"Time entry {id} belongs to another customer.",
                { BilledInvoiceId: { } other } when other != invoice.InvoiceId => $"Time entry {id} was already billed by invoice {Describe(entries[id])}.",
                _ => null,
            };
            if (reason is not null)
            {
                refusals.Add(new BillingRefusal(id, reason));
            }
        }

        if (refusals.Count > 0)
        {
            return new BillingOutcome(false, 0, refusals);
        }

        var now = clock.GetUtcNow();
        var marked = 0;
        foreach (var entry in entries.Values)
        {
            if (entry.BilledInvoiceId is null)
            {
                entry.BilledInvoiceId = invoice.InvoiceId;
                entry.BilledDocumentNumber = invoice.DocumentNumber;
                entry.BilledAt = now;
                marked++;
            }
            else if (invoice.DocumentNumber is { } number)
            {
                // The draft that billed it has been issued: its number replaces the draft's id.
                entry.BilledDocumentNumber = number;
            }
        }

        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return new BillingOutcome(false, 0, [.. ids.Select(id => new BillingRefusal(id, $"Time entry {id} changed while it was being billed; try again."))]);
        }

        return new BillingOutcome(true, marked, []);
    }

    /// <inheritdoc />
    public async Task<int> NumberBilledAsync(long invoiceId, string documentNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Read and written under the entries' row versions: a release between the two is a conflict, and
        // the retry finds the entry no longer billed by this invoice.
        var entries = await db.TimeEntries
            .Where(t => t.BilledInvoiceId == invoiceId && (t.BilledDocumentNumber == null || t.BilledDocumentNumber != documentNumber))
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.BilledDocumentNumber = documentNumber;
        }

        await db.SaveChangesAsync(cancellationToken);
        return entries.Count;
    }

    /// <inheritdoc />
    public async Task<int> ReleaseAsync(long invoiceId, IReadOnlyCollection<long>? entryIds = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.TimeEntries.Where(t => t.BilledInvoiceId == invoiceId);
        if (entryIds is not null)
        {
            var ids = entryIds.ToList();
            entries = entries.Where(t => ids.Contains(t.Id));
        }

        var released = await entries.ToListAsync(cancellationToken);
        foreach (var entry in released)
        {
            entry.BilledInvoiceId = null;
            entry.BilledDocumentNumber = null;
            entry.BilledAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return released.Count;
    }

    private static IQueryable<TimeEntry> Unbilled(ProjectsDbContext db, DateOnly from, DateOnly to) =>
        db.TimeEntries.AsNoTracking().Where(t => t.IsBillable && t.BilledInvoiceId == null && t.Date >= from && t.Date <= to && t.Minutes > 0);

    private static string Describe(TimeEntry entry) => entry.BilledDocumentNumber ?? entry.BilledInvoiceId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<BillableTimeEntry>> DescribeAsync(ProjectsDbContext db, IQueryable<TimeEntry> entries, CancellationToken cancellationToken)
    {
        var rows = await (from t in entries
                          join p in db.Projects on t.ProjectId equals p.Id
                          join task in db.Tasks on t.TaskId equals task.Id into tasks
                          from task in tasks.DefaultIfEmpty()
                          orderby t.Date, t.Id
                          select new { Entry = t, Project = p, TaskName = task == null ? null : task.Name })
            .ToListAsync(cancellationToken);
        var projectIds = rows.Select(r => r.Project.Id).Distinct().ToList();
        var rates = await db.PersonRates.AsNoTracking().Where(r => projectIds.Contains(r.ProjectId))
            .ToDictionaryAsync(r => (r.ProjectId, r.UserId), r => r.HourlyRate, cancellationToken);
        var people = await users.GetManyAsync([.. rows.Select(r => r.Entry.UserId).Distinct()], cancellationToken);
        return [.. rows.Select(r =>
        {
            var rate = RateCard.For(r.Project.HourlyRate, rates.TryGetValue((r.Project.Id, r.Entry.UserId), out var own) ? own : null);
            return new BillableTimeEntry(
                r.Entry.Id,
                r.Project.Id,
                r.Project.Name,
                r.Project.BillingMode,
                r.Entry.TaskId,
                r.TaskName,
                r.Entry.UserId,
                people.TryGetValue(r.Entry.UserId, out var person) ? person.Name : r.Entry.UserId,
                r.Entry.Date,
                r.Entry.Minutes,
                r.Entry.Note,
                rate.HourlyRate,
                rate.Source,
                r.Project.Currency,
                RateCard.Amount(r.Entry.Minutes, rate.HourlyRate, r.Project.Currency),
                r.Entry.BilledInvoiceId);
        })];
    }
}
