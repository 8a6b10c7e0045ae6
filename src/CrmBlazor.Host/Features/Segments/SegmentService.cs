using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>Creates and changes segments, counts their members live and refreshes their membership.</summary>
public sealed class SegmentService(
    IDbContextFactory<CrmDbContext> contexts,
    PluginCatalog catalog,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    IJobScheduler jobs,
    TimeProvider clock)
{
    private static readonly Problem SegmentConflict =
        new("Someone else changed this segment while you were editing it. Nothing was saved: reload and try again.");

    /// <summary>The fields rules can use now.</summary>
    public IReadOnlyList<SegmentField> Fields => SegmentFields.All(catalog);

    /// <summary>How many active customers match a definition right now (for the live count while editing).</summary>
    /// <param name="definition">The rules.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The count, or the messages explaining what is wrong with the rules.</returns>
    public async Task<(int? Count, Dictionary<string, string[]> Errors)> CountAsync(SegmentDefinition definition, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (predicate, errors) = SegmentPredicate.Build(db, definition, Fields, clock.GetUtcNow());
        return predicate is null ? (null, errors) : (await db.Customers.CountAsync(predicate, cancellationToken), errors);
    }

    /// <summary>All segments, by name, with what is wrong with their rules now.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<SegmentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var fields = Fields;
        var now = clock.GetUtcNow();
        return [.. segments.Select(s => new SegmentSummary(
            s.Id, s.Name, s.Description, s.MemberCount, s.RefreshedAt,
            SegmentPredicate.Build(db, SegmentDefinition.FromJson(s.Definition), fields, now).Errors.Count > 0))];
    }

    /// <summary>Loads a segment as stored, or null if there is none.</summary>
    /// <param name="id">The segment.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Segment?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>
    /// Queues a refresh of one segment's membership as a background job (<see cref="SegmentRefreshJob"/>),
    /// so that a large segment never holds up the page; follow it with <see cref="IJobScheduler.GetRunAsync"/>.
    /// </summary>
    /// <param name="id">The segment.</param>
    /// <param name="cancellationToken">Cancels the queuing.</param>
    /// <returns>Whether it was queued, and the run's id if so.</returns>
    public async Task<(ChangeResult Result, Guid? RunId)> QueueRefreshAsync(long id, CancellationToken cancellationToken = default)
    {
        if (!await CanManageAsync(cancellationToken))
        {
            return (ChangeResult.Forbidden(), null);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Segments.AnyAsync(s => s.Id == id, cancellationToken))
            {
                return (ChangeResult.NotFound(), null);
            }
        }

        var runId = await jobs.EnqueueAsync<SegmentRefreshJob>(new SegmentRefreshArguments(id), cancellationToken: cancellationToken);
        return (ChangeResult.Saved(id), runId);
    }

    /// <summary>Creates a segment and computes its membership.</summary>
    /// <param name="input">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> CreateAsync(SegmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.Change<Segment>()
            .Allow(CanManageAsync)
            .Validate(input, errors => AddRuleErrors(db, input.Definition, errors))
            .Create(() => new Segment { Name = string.Empty, Definition = string.Empty, CreatedAt = clock.GetUtcNow() })
            .Check((_, ct) => NameTakenAsync(db, input.Name.Trim(), null, ct))
            .Apply(segment =>
            {
                segment.Name = input.Name.Trim();
                segment.Description = Clean(input.Description);
                segment.Definition = input.Definition.ToJson();
            })
            .SaveAsync(SegmentConflict, cancellationToken);
        if (result.Succeeded)
        {
            await RefreshAsync(result.Id!.Value, cancellationToken);
        }

        return result;
    }

    /// <summary>Saves a user's edit of a segment and recomputes its membership.</summary>
    /// <param name="id">The segment.</param>
    /// <param name="input">The values and the version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> UpdateAsync(long id, SegmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await db.Change<Segment>()
            .Allow(CanManageAsync)
            .Validate(input, errors => AddRuleErrors(db, input.Definition, errors))
            .Load(ct => db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct))
            .Check((_, ct) => NameTakenAsync(db, input.Name.Trim(), id, ct))
            .Expect(input.RowVersion)
            .Apply(segment =>
            {
                segment.Name = input.Name.Trim();
                segment.Description = Clean(input.Description);
                segment.Definition = input.Definition.ToJson();
            })
            .SaveAsync(SegmentConflict, cancellationToken);
        if (result.Succeeded)
        {
            await RefreshAsync(id, cancellationToken);
        }

        return result;
    }

    /// <summary>Deletes a segment.</summary>
    /// <param name="id">The segment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Segment>()
            .Allow(CanManageAsync)
            .Load(ct => db.Segments.FirstOrDefaultAsync(s => s.Id == id, ct))
            .Remove()
            .SaveAsync(new Problem("Someone else changed or deleted this segment meanwhile. Nothing was deleted: reload and try again."), cancellationToken);
    }

    /// <summary>
    /// Recomputes a segment's membership from its rules: adds customers that match now, removes those
    /// that no longer do. Rules that no longer work (a field whose plugin is gone) leave the
    /// membership as it was. Refreshes of the same segment run one after the other.
    /// </summary>
    /// <param name="id">The segment.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The number of members, or why the segment was not refreshed.</returns>
    public async Task<SegmentRefreshResult> RefreshAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (segment is null)
        {
            return SegmentRefreshResult.NotFound;
        }

        var (predicate, errors) = SegmentPredicate.Build(db, SegmentDefinition.FromJson(segment.Definition), Fields, clock.GetUtcNow());
        if (predicate is null)
        {
            return SegmentRefreshResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Writing the segment's row first locks it (a row lock on PostgreSQL, the write lock on SQLite),
        // so that a second refresh of the same segment, say the hourly one meeting a "Refresh now",
        // waits and then reads the membership this one leaves instead of inserting the same members.
        // Membership is derived data: the row version is left alone, so a refresh never makes a
        // user's edit of the rules conflict.
        var now = clock.GetUtcNow();
        if (await db.Segments.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshedAt, now), cancellationToken) == 0)
        {
            return SegmentRefreshResult.NotFound;
        }

        var matching = (await db.Customers.Where(predicate).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        var current = (await db.SegmentMembers.Where(m => m.SegmentId == id).Select(m => m.CustomerId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var gone in current.Except(matching).Chunk(500))
        {
            await db.SegmentMembers.Where(m => m.SegmentId == id && gone.Contains(m.CustomerId)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var added in matching.Except(current).Chunk(5000))
        {
            db.SegmentMembers.AddRange(added.Select(customerId => new SegmentMember { SegmentId = id, CustomerId = customerId }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await db.Segments.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.MemberCount, matching.Count), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SegmentRefreshResult.Refreshed(matching.Count);
    }

    private async Task<bool> CanManageAsync(CancellationToken cancellationToken) =>
        (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.ManageSegments)).Succeeded;

    // The rules are checked with the form's other fields, so that the user sees every problem at once.
    private void AddRuleErrors(CrmDbContext db, SegmentDefinition definition, Dictionary<string, Problem[]> errors)
    {
        var (_, ruleErrors) = SegmentPredicate.Build(db, definition, Fields, clock.GetUtcNow());
        foreach (var (key, messages) in ruleErrors)
        {
            errors["Definition." + key] = [.. messages.Select(m => new Problem(m))];
        }
    }

    private static async Task<ChangeResult?> NameTakenAsync(CrmDbContext db, string name, long? id, CancellationToken cancellationToken) =>
        await db.Segments.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken)
            ? ChangeResult.Invalid(nameof(SegmentInput.Name), new Problem("Another segment already has this name."))
            : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
