using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Sdk.Data;

/// <summary>
/// The one way a service saves a change a user asked for, in the host and in plugins alike: the
/// permission, the input, the record, its checks, the change, the save and a concurrent edit are
/// handled in the same order and answered with the same <see cref="Results.ChangeResult"/>.
/// </summary>
/// <example>
/// <code>
/// public async Task&lt;ChangeResult&gt; RenameAsync(long id, NoteInput input, CancellationToken cancellationToken = default)
/// {
///     await using var db = await contexts.CreateDbContextAsync(cancellationToken);
///     return await db.Change&lt;Note&gt;()
///         .Allow(ct =&gt; user.HasPermissionAsync(NotesPermissions.Write, ct))
///         .Validate(input)
///         .Load(ct =&gt; db.Notes.FirstOrDefaultAsync(n =&gt; n.Id == id, ct))
///         .Check(note =&gt; note.IsLocked ? new Problem("A locked note cannot be changed.") : null)
///         .Expect(input.RowVersion)
///         .Apply(note =&gt; note.Title = input.Title.Trim())
///         .SaveAsync(new Problem("Someone else changed this note meanwhile. Nothing was saved: reload and try again."), cancellationToken);
/// }
/// </code>
/// </example>
public static class ChangePipeline
{
    /// <summary>Starts a change saved with this context; see <see cref="Change{TEntity}"/> for its steps.</summary>
    /// <typeparam name="TEntity">The record changed.</typeparam>
    /// <param name="db">The context that loads and saves the record.</param>
    /// <returns>The change, to which the steps are added.</returns>
    public static Change<TEntity> Change<TEntity>(this DbContext db)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Change<TEntity>(db);
    }

    /// <summary>
    /// The version the user saw of the record: the change is refused with
    /// <see cref="Results.ChangeStatus.Conflict"/> and the message given to
    /// <see cref="Change{TEntity}.SaveAsync"/> when the record is at another version now (before
    /// anything is changed), and again by the save if someone else saves it in between.
    /// </summary>
    /// <typeparam name="TEntity">The record, protected by optimistic concurrency.</typeparam>
    /// <param name="change">The change.</param>
    /// <param name="version">The <see cref="IVersionedEntity.RowVersion"/> the user's form was loaded with.</param>
    /// <returns>The same change.</returns>
    public static Change<TEntity> Expect<TEntity>(this Change<TEntity> change, Guid version)
        where TEntity : class, IVersionedEntity
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Expect(entity => entity, version);
    }

    /// <summary>
    /// Saves the context's changes, or reports that someone else saved or deleted one of its records
    /// first (a <see cref="DbUpdateConcurrencyException"/>), in which case nothing was saved. For saves
    /// that do not fit a <see cref="Change{TEntity}"/> (many records at once, retries); everything else
    /// goes through the change.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>True when saved, false on a conflict.</returns>
    public static async Task<bool> TrySaveChangesAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
