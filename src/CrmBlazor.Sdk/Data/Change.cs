using CrmBlazor.Sdk.Results;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Sdk.Data;

/// <summary>
/// One change a user asks for, written as its steps and run by <see cref="SaveAsync"/> always in the
/// same order, so that every service of the host and of every plugin answers alike:
/// <list type="number">
/// <item>the permissions (<see cref="Allow"/>): refused with <see cref="ChangeStatus.Forbidden"/>;</item>
/// <item>the input (<see cref="Validate(object)"/>): refused with <see cref="ChangeStatus.Invalid"/> and a message per field;</item>
/// <item>the record: loaded (<see cref="Load"/>; none is <see cref="ChangeStatus.NotFound"/>) or new (<see cref="Create"/>);</item>
/// <item>the record's own checks, in the order they were added: who may change this record
/// (<see cref="AllowFor"/>), business rules
/// (<see cref="Check(Func{TEntity, Problem?})"/>), the version the user saw (<see cref="ChangePipeline.Expect"/>);</item>
/// <item>the change itself (<see cref="Apply(Action{TEntity})"/>, <see cref="Remove"/>), which may still refuse;</item>
/// <item>the save: when someone else saved or deleted the record first, <see cref="ChangeStatus.Conflict"/>
/// with the message given to <see cref="SaveAsync"/> and nothing saved; otherwise <see cref="ChangeStatus.Saved"/>.</item>
/// </list>
/// Start one with <see cref="ChangePipeline.Change{TEntity}"/> on the context the change is saved with.
/// </summary>
/// <remarks>
/// <para>Every step is optional except the record and the save. The delegates get the cancellation token
/// of <see cref="SaveAsync"/>, so a method such as <c>access.CanManageAsync</c> can be passed as it is.</para>
/// <para>A refusal at any step returns at once: nothing later runs and nothing is saved. Work that
/// must be saved together with the change (a search index, a second save that needs the new id) goes
/// into <see cref="AlsoSave"/>, which runs it in the change's transaction; work that may fail without
/// undoing the change (notifications, figures recomputed later anyway) goes into <see cref="Then"/>,
/// which runs it after the commit.</para>
/// </remarks>
/// <typeparam name="TEntity">The record changed: an entity of the context, or (with <see cref="ResultId"/>) any object <see cref="Load"/> returns.</typeparam>
public sealed class Change<TEntity>
    where TEntity : class
{
    private readonly DbContext _db;
    private readonly List<(Func<CancellationToken, Task<bool>> Allowed, Problem? Refusal)> _permissions = [];
    private readonly List<(object Input, Func<Dictionary<string, Problem[]>, CancellationToken, Task>? MoreRules)> _inputs = [];
    private readonly List<Func<TEntity, Problem, CancellationToken, Task<ChangeResult?>>> _checks = [];
    private readonly List<Func<TEntity, CancellationToken, Task<ChangeResult?>>> _applies = [];
    private readonly List<Func<TEntity, CancellationToken, Task>> _alsoSave = [];
    private readonly List<Func<TEntity, CancellationToken, Task>> _then = [];
    private Func<CancellationToken, Task<TEntity?>>? _load;
    private Func<TEntity>? _create;
    private bool _remove;
    private bool _transaction;
    private Func<TEntity, long>? _resultId;

    internal Change(DbContext db) => _db = db;

    /// <summary>
    /// A permission the user needs before anything is read or checked, such as "may manage projects".
    /// All of them are asked before the input is validated.
    /// </summary>
    /// <param name="allowed">Whether the user may make the change, e.g. <c>ct =&gt; user.HasPermissionAsync(NotesPermissions.Write, ct)</c>.</param>
    /// <param name="refusal">The message when not, or null for the general one of <see cref="ChangeResult.Forbidden"/>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Allow(Func<CancellationToken, Task<bool>> allowed, Problem? refusal = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _permissions.Add((allowed, refusal));
        return this;
    }

    /// <summary>
    /// A permission that depends on the record (its owner, its author): asked once the record is
    /// loaded, in the order of the record's checks.
    /// </summary>
    /// <param name="allowed">Whether the user may change this record.</param>
    /// <param name="refusal">The message when not, or null for the general one of <see cref="ChangeResult.Forbidden"/>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> AllowFor(Func<TEntity, CancellationToken, Task<bool>> allowed, Problem? refusal = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _checks.Add(async (entity, _, cancellationToken) => await allowed(entity, cancellationToken) ? null : ChangeResult.Forbidden(refusal));
        return this;
    }

    /// <summary>Validates the user's input with <see cref="InputValidation"/> (after the permissions, before the record is loaded).</summary>
    /// <param name="input">The input model.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Validate(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _inputs.Add((input, null));
        return this;
    }

    /// <summary>
    /// Validates the user's input with <see cref="InputValidation"/> and rules of the service's own that
    /// add their messages to the same fields, so that the user sees every problem of the form at once.
    /// </summary>
    /// <param name="input">The input model.</param>
    /// <param name="moreRules">Adds messages per field, e.g. <c>errors =&gt; { if (input.Hours == 0) errors[nameof(input.Hours)] = [new Problem("Enter the hours.")]; }</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Validate(object input, Action<Dictionary<string, Problem[]>> moreRules)
    {
        ArgumentNullException.ThrowIfNull(moreRules);
        return Validate(input, (errors, _) =>
        {
            moreRules(errors);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Validates the user's input with <see cref="InputValidation"/> and rules of the service's own that
    /// need to look something up (that the chosen customer exists), adding their messages to the same fields.
    /// </summary>
    /// <param name="input">The input model.</param>
    /// <param name="moreRules">Adds messages per field.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Validate(object input, Func<Dictionary<string, Problem[]>, CancellationToken, Task> moreRules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(moreRules);
        _inputs.Add((input, moreRules));
        return this;
    }

    /// <summary>Loads the record to change; when the query finds nothing, the change ends with <see cref="ChangeStatus.NotFound"/>.</summary>
    /// <param name="load">The query, tracked (no <c>AsNoTracking</c>), e.g. <c>ct =&gt; db.Notes.FirstOrDefaultAsync(n =&gt; n.Id == id, ct)</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Load(Func<CancellationToken, Task<TEntity?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        EnsureNoRecordYet();
        _load = load;
        return this;
    }

    /// <summary>
    /// A new record, made once the permissions and the input have passed (so that a factory of an
    /// aggregate gets valid input), then checked like a loaded one and added to the context once
    /// <see cref="Apply(Action{TEntity})"/> has filled it in.
    /// </summary>
    /// <param name="create">Makes the new entity, e.g. <c>() =&gt; new Note { CreatedAt = now }</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Create(Func<TEntity> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        EnsureNoRecordYet();
        _create = create;
        return this;
    }

    /// <summary>A business rule the record must meet; a message refuses the change with <see cref="ChangeStatus.Invalid"/> about the whole record.</summary>
    /// <param name="rule">Null when the rule is met, or why not, e.g. <c>n =&gt; n.IsLocked ? new Problem("A locked note cannot be changed.") : null</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Check(Func<TEntity, Problem?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _checks.Add((entity, _, _) => Task.FromResult(rule(entity) is { } problem ? ChangeResult.Invalid("", problem) : null));
        return this;
    }

    /// <summary>A check of the record that refuses with an outcome of its own (a message about a field, a conflict).</summary>
    /// <param name="rule">Null when the check passes, or the refusal, e.g. <c>n =&gt; n.Title.Length == 0 ? ChangeResult.Invalid("Title", problem) : null</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Check(Func<TEntity, ChangeResult?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _checks.Add((entity, _, _) => Task.FromResult(rule(entity)));
        return this;
    }

    /// <summary>A check of the record that needs the database or another service (a name already taken, a contact of another customer).</summary>
    /// <param name="rule">Null when the check passes, or the refusal.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Check(Func<TEntity, CancellationToken, Task<ChangeResult?>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _checks.Add((entity, _, cancellationToken) => rule(entity, cancellationToken));
        return this;
    }

    /// <summary>
    /// The version the user saw of a part of the record (a contact of a customer, a line of an invoice):
    /// the change is refused with <see cref="ChangeStatus.Conflict"/> and the message given to
    /// <see cref="SaveAsync"/> when the part is at another version now, and again by the save if someone
    /// else saves it in between. A part that is not there ends the change with <see cref="ChangeStatus.NotFound"/>.
    /// For the record itself use <see cref="ChangePipeline.Expect"/>.
    /// </summary>
    /// <param name="part">The part, or null when it does not exist.</param>
    /// <param name="version">The <see cref="IVersionedEntity.RowVersion"/> the user's form was loaded with.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Expect(Func<TEntity, IVersionedEntity?> part, Guid version)
    {
        ArgumentNullException.ThrowIfNull(part);
        _checks.Add((entity, conflict, _) =>
        {
            if (part(entity) is not { } versioned)
            {
                return Task.FromResult<ChangeResult?>(ChangeResult.NotFound());
            }

            if (versioned.RowVersion != version)
            {
                return Task.FromResult<ChangeResult?>(ChangeResult.Conflict(conflict));
            }

            // The save's WHERE clause compares this value: a save in between is still caught.
            _db.Entry(versioned).Property(nameof(IVersionedEntity.RowVersion)).OriginalValue = version;
            return Task.FromResult<ChangeResult?>(null);
        });
        return this;
    }

    /// <summary>The change: copies the input onto the record.</summary>
    /// <param name="apply">Changes the record.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Apply(Action<TEntity> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _applies.Add((entity, _) =>
        {
            apply(entity);
            return Task.FromResult<ChangeResult?>(null);
        });
        return this;
    }

    /// <summary>The change, made by a method of the record that may refuse it (an aggregate enforcing its rules); a refusal saves nothing.</summary>
    /// <param name="apply">Changes the record and returns null, or returns the refusal.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Apply(Func<TEntity, ChangeResult?> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _applies.Add((entity, _) => Task.FromResult(apply(entity)));
        return this;
    }

    /// <summary>The change, when making it reads the database or calls another service; a refusal saves nothing.</summary>
    /// <param name="apply">Changes the record and returns null, or returns the refusal.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Apply(Func<TEntity, CancellationToken, Task<ChangeResult?>> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _applies.Add(apply);
        return this;
    }

    /// <summary>Deletes the loaded record (after its checks).</summary>
    /// <returns>The same change.</returns>
    public Change<TEntity> Remove()
    {
        _remove = true;
        return this;
    }

    /// <summary>
    /// Runs the change (from <see cref="Apply(Action{TEntity})"/>) to the commit in one database
    /// transaction, for a change that takes something inside it (the next number of a sequence).
    /// <see cref="AlsoSave"/> starts one by itself.
    /// </summary>
    /// <returns>The same change.</returns>
    public Change<TEntity> InTransaction()
    {
        _transaction = true;
        return this;
    }

    /// <summary>
    /// Work saved together with the change: it runs after the change is saved (new records have their
    /// ids), in the same transaction, which is committed only when every such step has succeeded.
    /// </summary>
    /// <param name="step">The work, e.g. <c>(customer, ct) =&gt; SearchIndex.ReindexAsync(db, customer, ct)</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> AlsoSave(Func<TEntity, CancellationToken, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _alsoSave.Add(step);
        _transaction = true;
        return this;
    }

    /// <summary>
    /// Work that follows a saved change but is not part of it (thresholds checked, figures recomputed,
    /// another plugin told): it runs after the commit, only when the change was saved. It cannot undo
    /// the change, so it should not throw for what the user cannot help: log and let a job catch up.
    /// </summary>
    /// <param name="step">The work, e.g. <c>(project, ct) =&gt; budgets.CheckAsync([project.Id], ct)</c>.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> Then(Func<TEntity, CancellationToken, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _then.Add(step);
        return this;
    }

    /// <summary>
    /// The id a saved change reports, when it is not the record's own key: the contact added to a
    /// customer, the credit note made from an invoice. Read after the save, so new records have theirs.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <returns>The same change.</returns>
    public Change<TEntity> ResultId(Func<TEntity, long> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _resultId = id;
        return this;
    }

    /// <summary>Runs the steps in their order and saves the change.</summary>
    /// <param name="conflict">What the user is told when someone else saved or deleted the record first: that nothing was saved, and what to do.</param>
    /// <param name="cancellationToken">Cancels the change; given to every step.</param>
    /// <returns>
    /// <see cref="ChangeStatus.Saved"/> with the record's id (its key, or <see cref="ResultId"/>), or the
    /// first refusal: <see cref="ChangeStatus.Forbidden"/>, <see cref="ChangeStatus.Invalid"/>,
    /// <see cref="ChangeStatus.NotFound"/>, <see cref="ChangeStatus.Conflict"/>, or what a check or the change returned.
    /// </returns>
    /// <exception cref="InvalidOperationException">Neither <see cref="Load"/> nor <see cref="Create"/> was called.</exception>
    public async Task<ChangeResult> SaveAsync(Problem conflict, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        if (_load is null && _create is null)
        {
            throw new InvalidOperationException("Say which record the change is about: Load it, or Create a new one.");
        }

        foreach (var (allowed, refusal) in _permissions)
        {
            if (!await allowed(cancellationToken))
            {
                return ChangeResult.Forbidden(refusal);
            }
        }

        if (await ValidateAsync(cancellationToken) is { Count: > 0 } errors)
        {
            return ChangeResult.Invalid(errors);
        }

        var entity = _create is not null ? _create() : await _load!(cancellationToken);
        if (entity is null)
        {
            return ChangeResult.NotFound();
        }

        foreach (var check in _checks)
        {
            if (await check(entity, conflict, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        // Begun after the checks, so that they (which may call other services and their databases)
        // never wait on this transaction's locks; disposing it without a commit rolls it back.
        await using var transaction = _transaction ? await _db.Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var apply in _applies)
        {
            if (await apply(entity, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        if (_remove)
        {
            _db.Remove(entity);
        }
        else if (_create is not null)
        {
            _db.Add(entity);
        }

        if (!await _db.TrySaveChangesAsync(cancellationToken))
        {
            return ChangeResult.Conflict(conflict);
        }

        foreach (var step in _alsoSave)
        {
            await step(entity, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var step in _then)
        {
            await step(entity, cancellationToken);
        }

        return ChangeResult.Saved(_resultId?.Invoke(entity) ?? KeyOf(entity));
    }

    private async Task<Dictionary<string, Problem[]>?> ValidateAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Problem[]>? errors = null;
        foreach (var (input, moreRules) in _inputs)
        {
            var found = InputValidation.Validate(input);
            if (moreRules is not null)
            {
                await moreRules(found, cancellationToken);
            }

            if (errors is null)
            {
                errors = found;
            }
            else
            {
                foreach (var (field, problems) in found)
                {
                    errors[field] = problems;
                }
            }
        }

        return errors;
    }

    private long KeyOf(TEntity entity)
    {
        var key = _db.Model.FindEntityType(typeof(TEntity))?.FindPrimaryKey();
        return key is { Properties: [{ } property] } && _db.Entry(entity).Property(property.Name).CurrentValue is { } value and (long or int)
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{typeof(TEntity).Name} has no single whole-number key: say which id the change reports with ResultId.");
    }

    private void EnsureNoRecordYet()
    {
        if (_load is not null || _create is not null)
        {
            throw new InvalidOperationException("A change is about one record: Load it or Create it, once.");
        }
    }
}
