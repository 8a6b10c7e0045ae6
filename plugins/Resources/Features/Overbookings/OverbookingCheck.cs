using System.Globalization;
using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Resources;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Resources.Features.Overbookings;

/// <summary>
/// Finds every person-week over capacity (across all projects) in the weeks ahead and keeps
/// <see cref="Overbooking"/> records of them: a week newly over is recorded, published
/// (<see cref="AllocationOverbooked"/>) and mailed to the person's manager; a recorded week no longer over
/// is resolved and published (<see cref="AllocationResolved"/>); a week over again after that is a new
/// record, published and mailed anew. Run by the daily <c>overallocation-check</c> job.
/// </summary>
/// <remarks>
/// Crash-safe and idempotent: the weeks are read in a few set-based queries (<see cref="CapacityQueries"/>),
/// then each person's changes (records, events and the one mail) are saved in one transaction, so a crash
/// leaves a person either wholly done or untouched, and the next run finds the same new weeks and does
/// them. What is on record is never reported again; the unique indexes (one open record per person and
/// week, one record per occurrence) and the records' versions make a check that runs twice at once give
/// way, and the mail's idempotency key (person, first week, occurrence) keeps a retried save from sending
/// it twice.
/// </remarks>
public sealed class OverbookingCheck(
    IDbContextFactory<ResourcesDbContext> contexts,
    IUserDirectory users,
    OverbookingMail mail,
    IOptions<ResourcesSettings> settings,
    TimeProvider clock,
    ILogger<OverbookingCheck> logger)
{
    /// <summary>Checks the weeks from the current one on, as far as <see cref="ResourcesSettings.OverallocationHorizonWeeks"/> says.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>How many over-allocations were newly found and how many were resolved.</returns>
    public async Task<(int Found, int Resolved)> CheckAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var first = IsoWeek.Of(today).Monday;
        var last = first.AddDays((7 * settings.Value.OverallocationHorizonWeeks) - 1);

        List<PersonCheck> checks;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var people = await db.People.AsNoTracking()
                .Select(p => new PersonFacts(p.Id, p.UserId, p.Name, p.ManagerUserId)).ToListAsync(cancellationToken);
            var grid = await CapacityQueries.LoadAsync(db, [.. people.Select(p => p.Id)], first, last, cancellationToken);
            var onRecord = await db.Overbookings.AsNoTracking()
                .Where(o => o.WeekStart >= first && o.WeekStart <= last)
                .ToListAsync(cancellationToken);
            var open = onRecord.Where(o => o.ResolvedAt == null).ToLookup(o => o.PersonId);
            var occurrences = onRecord.GroupBy(o => (o.PersonId, o.WeekStart)).ToDictionary(g => g.Key, g => g.Max(o => o.Occurrence));
            checks = [];
            foreach (var person in people)
            {
                var weeks = grid.WeeksOf(person.Id);
                var over = weeks.Where(w => w.IsOverAllocated).ToDictionary(w => w.Week.Monday);
                var standing = open[person.Id].ToList();
                var found = over.Values.Where(w => standing.All(o => o.WeekStart != w.Week.Monday))
                    .Select(w => new FoundWeek(w, occurrences.GetValueOrDefault((person.Id, w.Week.Monday)) + 1))
                    .ToList();
                var resolved = standing.Where(o => !over.ContainsKey(o.WeekStart))
                    .Select(o => (Record: o, Now: weeks.First(w => w.Week.Monday == o.WeekStart)))
                    .ToList();
                if (found.Count > 0 || resolved.Count > 0)
                {
                    checks.Add(new PersonCheck(person, found, resolved));
                }
            }
        }

        var managerIds = checks.Where(c => c.Found.Count > 0 && c.Person.ManagerUserId is not null).Select(c => c.Person.ManagerUserId!).Distinct().ToList();
        var managers = managerIds.Count == 0 ? new Dictionary<string, UserSummary>() : await users.GetManyAsync(managerIds, cancellationToken);
        int foundTotal = 0, resolvedTotal = 0;
        foreach (var check in checks)
        {
            var manager = check.Person.ManagerUserId is { } id && managers.TryGetValue(id, out var user) && !string.IsNullOrWhiteSpace(user.Email) ? user : null;
            if (await ApplyAsync(check, manager, cancellationToken))
            {
                foundTotal += check.Found.Count;
                resolvedTotal += check.Resolved.Count;
            }
        }

        return (foundTotal, resolvedTotal);
    }

    /// <summary>The outbox key of the mail about a person's weeks newly over, named by the first of them and its occurrence.</summary>
    /// <param name="personId">The person.</param>
    /// <param name="weekStart">The first week's Monday.</param>
    /// <param name="occurrence">Its occurrence.</param>
    public static string MessageKeyOf(long personId, DateOnly weekStart, int occurrence) =>
        string.Create(CultureInfo.InvariantCulture, $"resources:overbooked:{personId}:{weekStart:yyyy-MM-dd}:{occurrence}");

    // One person per transaction: their records, events and mail commit together or not at all.
    private async Task<bool> ApplyAsync(PersonCheck check, UserSummary? manager, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var person = check.Person;
        string? key = null;
        if (check.Found.Count > 0 && manager is not null)
        {
            var firstFound = check.Found.OrderBy(f => f.Load.Week.Monday).First();
            key = MessageKeyOf(person.Id, firstFound.Load.Week.Monday, firstFound.Occurrence);
            db.Send(await mail.OverbookedAsync(person.Id, person.Name, manager, [.. check.Found.Select(f => f.Load)], key, cancellationToken));
        }

        foreach (var (load, occurrence) in check.Found)
        {
            var (capacity, allocated) = (Hours.WholeMinutes(load.CapacityMinutes), Hours.WholeMinutes(load.AllocatedMinutes));
            db.Overbookings.Add(new Overbooking
            {
                PersonId = person.Id,
                WeekStart = load.Week.Monday,
                Occurrence = occurrence,
                DetectedAt = now,
                CapacityMinutes = capacity,
                AllocatedMinutes = allocated,
                NotifiedUserId = key is null ? null : manager!.Id,
                MessageKey = key,
            });
            db.Publish(new AllocationOverbooked(person.Id, person.UserId, person.Name, person.ManagerUserId, load.Week.Monday, capacity, allocated));
        }

        foreach (var (record, load) in check.Resolved)
        {
            db.Overbookings.Attach(record);
            record.ResolvedAt = now;
            db.Publish(new AllocationResolved(person.Id, person.UserId, person.Name, person.ManagerUserId, record.WeekStart, Hours.WholeMinutes(load.CapacityMinutes), Hours.WholeMinutes(load.AllocatedMinutes)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
        {
            // Another check recorded or resolved the same weeks first (the unique indexes, the versions):
            // it published and mailed what was due, and the next check sees its records.
            logger.LogInformation(e, "Over-allocation check of person {PersonId} gave way to a concurrent check.", person.Id);
            return false;
        }
    }

    private sealed record PersonFacts(long Id, string? UserId, string Name, string? ManagerUserId);

    private sealed record FoundWeek(WeekLoad Load, int Occurrence);

    private sealed record PersonCheck(PersonFacts Person, List<FoundWeek> Found, List<(Overbooking Record, WeekLoad Now)> Resolved);
}
