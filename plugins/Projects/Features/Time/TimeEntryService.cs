using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Plugins.Projects.Features.Budgets;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>
/// Reads and changes a person's time, for the week grid and the day view. A person may work with
/// their own time (<see cref="ProjectsPermissions.LogOwnTime"/>); with
/// <see cref="ProjectsPermissions.ManageAllTime"/>, with everyone's. Every change obeys
/// <see cref="TimeRules"/>; a change that breaks one is refused with its message while the other
/// changes of the same save are kept. Each save publishes <see cref="TimeLogged"/> per project and
/// day it changed, in the same transaction.
/// </summary>
public sealed class TimeEntryService(
    IDbContextFactory<ProjectsDbContext> contexts,
    ProjectAccess access,
    ICustomerDirectory customers,
    IUserDirectory users,
    BudgetThresholdWatch budgets,
    TimeProvider clock,
    ILogger<TimeEntryService> logger)
{
    private static readonly Problem NotYours = new Problem("You may only see and change your own time.");

    /// <summary>A person's week.</summary>
    /// <param name="userId">The person.</param>
    /// <param name="weekStart">The first day of the week.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see this person's time.</exception>
    public async Task<WeekSheet> LoadWeekAsync(string userId, DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        await RequireAccessAsync(userId, cancellationToken);
        var weekEnd = weekStart.AddDays(6);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.TimeEntries.AsNoTracking()
            .Where(t => t.UserId == userId && t.Date >= weekStart && t.Date <= weekEnd)
            .ToListAsync(cancellationToken);
        var projects = await ProjectsAsync(db, entries.Select(e => e.ProjectId), cancellationToken);
        var tasks = await TasksAsync(db, entries.Where(e => e.TaskId != null).Select(e => e.TaskId!.Value), cancellationToken);
        var customerNames = await customers.GetManyAsync([.. projects.Values.Select(p => p.CustomerId).Distinct()], cancellationToken);
        var person = await users.GetManyAsync([userId], cancellationToken);

        var rows = entries
            .GroupBy(e => new TimeRowKey(e.ProjectId, e.TaskId, e.IsBillable))
            .Select(g =>
            {
                var project = projects[g.Key.ProjectId];
                var cells = Enumerable.Range(0, 7).Select(weekStart.AddDays).Select(day =>
                {
                    var cell = g.Where(e => e.Date == day).ToList();
                    var single = cell.Count == 1 ? cell[0] : null;
                    var locked = cell.FirstOrDefault(e => e.IsLocked);
                    return new WeekCell(day, cell.Sum(e => e.Minutes), cell.Count, single?.Id, single?.RowVersion,
                        locked is null ? null : BilledInvoice.Of(locked));
                }).ToList();
                return new WeekRow(
                    g.Key,
                    project.Name,
                    customerNames.TryGetValue(project.CustomerId, out var customer) ? customer.Name : "#" + project.CustomerId,
                    g.Key.TaskId is { } taskId && tasks.TryGetValue(taskId, out var task) ? task.Name : null,
                    project.AcceptsTime,
                    cells);
            })
            .OrderBy(r => r.CustomerName, StringComparer.CurrentCulture)
            .ThenBy(r => r.ProjectName, StringComparer.CurrentCulture)
            .ThenBy(r => r.TaskName, StringComparer.CurrentCulture)
            .ThenByDescending(r => r.Key.IsBillable)
            .ToList();
        return new WeekSheet(userId, person.TryGetValue(userId, out var p) ? p.Name : userId, weekStart, rows);
    }

    /// <summary>
    /// Saves the changed cells of a week. Each cell is checked on its own and against the person's
    /// day totals; the cells that pass are saved together, the others are returned with their messages.
    /// </summary>
    /// <param name="userId">The person whose week it is.</param>
    /// <param name="weekStart">The first day of the week.</param>
    /// <param name="changes">The changed cells.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<WeekSaveResult> SaveWeekAsync(string userId, DateOnly weekStart, IReadOnlyList<CellChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!await access.CanWorkWithTimeOfAsync(userId, cancellationToken))
        {
            return new WeekSaveResult(ChangeStatus.Forbidden, 0, [], NotYours);
        }

        var weekEnd = weekStart.AddDays(6);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.TimeEntries
            .Where(t => t.UserId == userId && t.Date >= weekStart && t.Date <= weekEnd)
            .ToListAsync(cancellationToken);
        var projects = await ProjectsAsync(db, changes.Select(c => c.Row.ProjectId), cancellationToken);
        var tasks = await TasksAsync(db, changes.Where(c => c.Row.TaskId != null).Select(c => c.Row.TaskId!.Value), cancellationToken);

        var rejected = new List<RejectedCell>();
        var edits = new List<Edit>();
        foreach (var change in changes)
        {
            var cell = entries.Where(e => e.ProjectId == change.Row.ProjectId && e.TaskId == change.Row.TaskId
                && e.IsBillable == change.Row.IsBillable && e.Date == change.Date).ToList();
            var existing = cell.Count == 1 ? cell[0] : null;
            var problem = change.Date < weekStart || change.Date > weekEnd ? new Problem("This day is not in the week being saved.")
                : TimeRules.CheckDuration(change.Minutes)
                ?? TimeRules.CheckProject(projects.GetValueOrDefault(change.Row.ProjectId))
                ?? (cell.Count > 1 ? new Problem("This day has several entries in this row; change them in the day view.") : null)
                ?? (existing?.Id != change.EntryId || (existing is not null && existing.RowVersion != change.RowVersion) ? TimeRules.ChangedMeanwhile : null)
                ?? (existing is null ? null : TimeRules.CheckNotLocked(existing))
                ?? TimeRules.CheckTask(change.Row.TaskId is { } taskId ? tasks.GetValueOrDefault(taskId) ?? MissingTask(taskId) : null, change.Row.ProjectId, existing is null);
            if (problem is not null)
            {
                rejected.Add(new RejectedCell(change.Row, change.Date, problem));
            }
            else if ((existing?.Minutes ?? 0) != change.Minutes)
            {
                edits.Add(new Edit(existing, change.Row, change.Date, change.Minutes, existing?.Note, change));
            }
        }

        foreach (var refused in RefuseOverfullDays(entries, edits).ToList())
        {
            edits.Remove(refused.Edit);
            rejected.Add(new RejectedCell(refused.Edit.Cell!.Row, refused.Edit.Date, refused.Problem));
        }

        if (edits.Count == 0)
        {
            return new WeekSaveResult(ChangeStatus.Saved, 0, rejected);
        }

        Apply(db, entries, edits, userId, projects);
        if (!await db.TrySaveChangesAsync(cancellationToken))
        {
            return new WeekSaveResult(ChangeStatus.Conflict, 0, [.. rejected, .. edits.Select(e => new RejectedCell(e.Cell!.Row, e.Date, TimeRules.ChangedMeanwhile))]);
        }

        await CheckBudgetsAsync(edits.Select(e => e.Row.ProjectId), cancellationToken);
        return new WeekSaveResult(ChangeStatus.Saved, edits.Count, rejected);
    }

    /// <summary>A person's entries of a day, for the day view.</summary>
    /// <param name="userId">The person.</param>
    /// <param name="date">The day.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see this person's time.</exception>
    public async Task<IReadOnlyList<DayEntry>> LoadDayAsync(string userId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await RequireAccessAsync(userId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.TimeEntries.AsNoTracking().Where(t => t.UserId == userId && t.Date == date).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var projects = await ProjectsAsync(db, entries.Select(e => e.ProjectId), cancellationToken);
        var tasks = await TasksAsync(db, entries.Where(e => e.TaskId != null).Select(e => e.TaskId!.Value), cancellationToken);
        var customerNames = await customers.GetManyAsync([.. projects.Values.Select(p => p.CustomerId).Distinct()], cancellationToken);
        return [.. entries.Select(e =>
        {
            var project = projects[e.ProjectId];
            return new DayEntry(e.Id, e.ProjectId, project.Name,
                customerNames.TryGetValue(project.CustomerId, out var c) ? c.Name : "#" + project.CustomerId,
                e.TaskId, e.TaskId is { } t && tasks.TryGetValue(t, out var task) ? task.Name : null,
                e.Minutes, e.IsBillable, e.Note, e.RowVersion,
                BilledInvoice.Of(e), project.AcceptsTime);
        })];
    }

    /// <summary>Adds an entry (no <see cref="TimeEntryInput.Id"/>) or changes one, for the day view.</summary>
    /// <param name="userId">The person whose time it is.</param>
    /// <param name="input">The entry.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SaveEntryAsync(string userId, TimeEntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        TimeEntry? existing = null;
        long? previousProject = null;
        Edit? edit = null;
        IReadOnlyDictionary<long, Project> projects = new Dictionary<long, Project>();
        List<TimeEntry> saved = [];
        return await db.Change<List<TimeEntry>>()
            .Allow(ct => access.CanWorkWithTimeOfAsync(userId, ct), NotYours)
            .Validate(input, errors =>
            {
                if (input.Minutes is { } typed && TimeRules.CheckDuration(typed) is { } durationProblem)
                {
                    errors[nameof(input.Minutes)] = [durationProblem];
                }
                else if (input.Minutes is 0)
                {
                    errors[nameof(input.Minutes)] = [new Problem("Enter the hours worked, e.g. 7.5 or 7:30.")];
                }
            })

            // The person's entries of the day: the day's total is checked against them.
            .Load(async ct => await db.TimeEntries.Where(t => t.UserId == userId && t.Date == input.Date).ToListAsync(ct))
            .Check(async (entries, ct) =>
            {
                if (input.Id is not { } id)
                {
                    return null;
                }

                existing = entries.FirstOrDefault(e => e.Id == id);
                return existing is not null && existing.RowVersion == input.RowVersion ? null
                    : existing is null && await db.TimeEntries.AnyAsync(e => e.Id == id, ct)
                        ? ChangeResult.Invalid("", new Problem("An entry cannot be moved to another day; remove it and log the time on the other day."))
                        : ChangeResult.Conflict(TimeRules.ChangedMeanwhile);
            })
            .Check(async (entries, ct) =>
            {
                projects = await ProjectsAsync(db, [input.ProjectId!.Value, .. existing is null ? Array.Empty<long>() : [existing.ProjectId]], ct);
                var tasks = await TasksAsync(db, input.TaskId is { } taskId ? [taskId] : [], ct);
                var problem = (existing is null ? null : TimeRules.CheckNotLocked(existing) ?? TimeRules.CheckProject(projects.GetValueOrDefault(existing.ProjectId)))
                    ?? TimeRules.CheckProject(projects.GetValueOrDefault(input.ProjectId.Value));
                if (problem is not null)
                {
                    return ChangeResult.Invalid("", problem);
                }

                if (TimeRules.CheckTask(input.TaskId is { } t ? tasks.GetValueOrDefault(t) ?? MissingTask(t) : null, input.ProjectId.Value, existing is null || existing.TaskId != input.TaskId) is { } taskProblem)
                {
                    return ChangeResult.Invalid(nameof(input.TaskId), taskProblem);
                }

                previousProject = existing?.ProjectId;
                edit = new Edit(existing, new TimeRowKey(input.ProjectId.Value, input.TaskId, input.IsBillable), input.Date, input.Minutes!.Value,
                    string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), null);
                return RefuseOverfullDays(entries, [edit]).Select(r => r.Problem).FirstOrDefault() is { } overfull
                    ? ChangeResult.Invalid(nameof(input.Minutes), overfull)
                    : null;
            })
            .Apply(entries => saved = Apply(db, entries, [edit!], userId, projects))
            .Then((_, ct) => CheckBudgetsAsync(previousProject is { } previous && previous != input.ProjectId ? [previous, input.ProjectId!.Value] : [input.ProjectId!.Value], ct))
            .ResultId(_ => saved[0].Id)
            .SaveAsync(TimeRules.ChangedMeanwhile, cancellationToken);
    }

    /// <summary>Removes an entry, for the day view.</summary>
    /// <param name="entryId">The entry.</param>
    /// <param name="rowVersion">Its version when loaded.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DeleteEntryAsync(long entryId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<TimeEntry> entries = [];
        IReadOnlyDictionary<long, Project> projects = new Dictionary<long, Project>();
        return await db.Change<TimeEntry>()
            .Load(ct => db.TimeEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct))
            .AllowFor((entry, ct) => access.CanWorkWithTimeOfAsync(entry.UserId, ct), NotYours)
            .Expect(rowVersion)
            .Check(async (entry, ct) =>
            {
                entries = await db.TimeEntries.Where(t => t.UserId == entry.UserId && t.Date == entry.Date).ToListAsync(ct);
                projects = await ProjectsAsync(db, [entry.ProjectId], ct);
                return (TimeRules.CheckNotLocked(entry) ?? TimeRules.CheckProject(projects.GetValueOrDefault(entry.ProjectId))) is { } problem
                    ? ChangeResult.Invalid("", problem)
                    : null;
            })
            .Apply(entry => Apply(db, entries, [new Edit(entry, new TimeRowKey(entry.ProjectId, entry.TaskId, entry.IsBillable), entry.Date, 0, null, null)], entry.UserId, projects))
            .Then((entry, ct) => CheckBudgetsAsync([entry.ProjectId], ct))
            .SaveAsync(TimeRules.ChangedMeanwhile, cancellationToken);
    }

    /// <summary>Projects a person can log time on (planned, active or on hold) whose name or customer matches, with their open tasks.</summary>
    /// <param name="search">Part of the project's or customer's name, or empty for the most recently created.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ProjectChoice>> ChoicesAsync(string? search, int take = 20, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken) && !await access.CanWorkWithTimeOfAsync(access.UserId ?? "", cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not log time.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Planned || p.Status == ProjectStatus.Active || p.Status == ProjectStatus.OnHold);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            var customerIds = (await customers.SearchAsync(search, 50, cancellationToken)).Select(c => c.Id).ToList();
#pragma warning disable CA1862 // Translated to SQL lower(), which the StringComparison overloads are not.
            projects = projects.Where(p => p.Name.ToLower().Contains(term) || customerIds.Contains(p.CustomerId));
#pragma warning restore CA1862
        }

        var found = await projects.OrderByDescending(p => p.Status == ProjectStatus.Active).ThenByDescending(p => p.Id)
            .Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
        var ids = found.Select(p => p.Id).ToList();
        var tasks = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.ProjectId) && !t.IsClosed).ToListAsync(cancellationToken)).ToLookup(t => t.ProjectId);
        var customerNames = await customers.GetManyAsync([.. found.Select(p => p.CustomerId).Distinct()], cancellationToken);
        return [.. found.Select(p => new ProjectChoice(p.Id, p.Name,
            customerNames.TryGetValue(p.CustomerId, out var c) ? c.Name : "#" + p.CustomerId, p.BillingMode,
            [.. tasks[p.Id].OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new TaskChoice(t.Id, t.Name, t.IsBillable))]))];
    }

    // Edits that would take a person's day past 24 hours are refused (only those that add time that day).
    private static IEnumerable<(Edit Edit, Problem Problem)> RefuseOverfullDays(List<TimeEntry> entries, List<Edit> edits)
    {
        foreach (var day in edits.GroupBy(e => e.Date).ToList())
        {
            var changed = day.Where(e => e.Existing is not null).Select(e => e.Existing!.Id).ToHashSet();
            var total = entries.Where(e => e.Date == day.Key && !changed.Contains(e.Id)).Sum(e => e.Minutes) + day.Sum(e => e.Minutes);
            if (TimeRules.CheckDayTotal(day.Key, total) is { } problem)
            {
                foreach (var edit in day.Where(e => e.Minutes > (e.Existing?.Minutes ?? 0)))
                {
                    yield return (edit, problem);
                }
            }
        }
    }

    // Applies checked edits to the tracked entries and publishes TimeLogged with the totals after them,
    // per project and day, so the event is stored in the same transaction as the time.
    private List<TimeEntry> Apply(ProjectsDbContext db, List<TimeEntry> entries, List<Edit> edits, string userId, IReadOnlyDictionary<long, Project> projects)
    {
        var now = clock.GetUtcNow();
        var touched = new HashSet<(long ProjectId, DateOnly Date)>();
        var saved = new List<TimeEntry>();
        foreach (var edit in edits)
        {
            if (edit.Existing is { } existing)
            {
                touched.Add((existing.ProjectId, existing.Date));
                if (edit.Minutes == 0)
                {
                    db.TimeEntries.Remove(existing);
                    entries.Remove(existing);
                    continue;
                }

                existing.ProjectId = edit.Row.ProjectId;
                existing.TaskId = edit.Row.TaskId;
                existing.IsBillable = edit.Row.IsBillable;
                existing.Minutes = edit.Minutes;
                existing.Note = edit.Note;
                existing.UpdatedAt = now;
                saved.Add(existing);
            }
            else if (edit.Minutes > 0)
            {
                var entry = new TimeEntry
                {
                    UserId = userId,
                    ProjectId = edit.Row.ProjectId,
                    TaskId = edit.Row.TaskId,
                    IsBillable = edit.Row.IsBillable,
                    Date = edit.Date,
                    Minutes = edit.Minutes,
                    Note = edit.Note,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.TimeEntries.Add(entry);
                entries.Add(entry);
                saved.Add(entry);
            }

            touched.Add((edit.Row.ProjectId, edit.Date));
        }

        foreach (var (projectId, date) in touched)
        {
            var day = entries.Where(e => e.ProjectId == projectId && e.Date == date).ToList();
            var customerId = projects.TryGetValue(projectId, out var project) ? project.CustomerId : 0;
            db.Publish(new TimeLogged(projectId, customerId, userId, date, day.Sum(e => e.Minutes), day.Where(e => e.IsBillable).Sum(e => e.Minutes)));
        }

        return saved;
    }

    private async Task CheckBudgetsAsync(IEnumerable<long> projectIds, CancellationToken cancellationToken)
    {
        try
        {
            await budgets.CheckAsync([.. projectIds.Distinct()], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Budget thresholds were not checked after time was logged; the nightly check will.");
        }
    }

    private async Task RequireAccessAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await access.CanWorkWithTimeOfAsync(userId, cancellationToken))
        {
            throw new UnauthorizedAccessException(NotYours.Text);
        }
    }

    private static async Task<Dictionary<long, Project>> ProjectsAsync(ProjectsDbContext db, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Projects.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    private static async Task<Dictionary<long, ProjectTask>> TasksAsync(ProjectsDbContext db, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Tasks.AsNoTracking().Where(t => list.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }

    // A task id that matches no task reads as a task of no project, which the rules refuse.
    private static ProjectTask MissingTask(long taskId) => new() { Id = taskId, ProjectId = -1, Name = "#" + taskId };

    private sealed record Edit(TimeEntry? Existing, TimeRowKey Row, DateOnly Date, int Minutes, string? Note, CellChange? Cell);
}
