namespace CrmBlazor.Sdk.Results;

/// <summary>How a change requested by a user ended (the same outcomes as the host's own changes).</summary>
public enum ChangeStatus
{
    /// <summary>Saved.</summary>
    Saved,

    /// <summary>Refused because of invalid input; nothing was saved.</summary>
    Invalid,

    /// <summary>Someone else saved the record since it was loaded; nothing was saved.</summary>
    Conflict,

    /// <summary>The record does not exist (any more).</summary>
    NotFound,

    /// <summary>The user may not make this change.</summary>
    Forbidden,
}

/// <summary>
/// The outcome of a change, with the messages a user needs. Services return it instead of throwing
/// for outcomes a user can cause; pages show it with <c>ChangeResultAlert</c> and next to the fields.
/// </summary>
/// <param name="Status">How it ended.</param>
/// <param name="Errors">Messages per field ("" for the whole record).</param>
/// <param name="Id">The id of the record created or changed.</param>
public sealed record ChangeResult(ChangeStatus Status, IReadOnlyDictionary<string, Problem[]> Errors, long? Id = null)
{
    private static readonly IReadOnlyDictionary<string, Problem[]> NoErrors = new Dictionary<string, Problem[]>();

    /// <summary>Whether the change was saved.</summary>
    public bool Succeeded => Status == ChangeStatus.Saved;

    /// <summary>All messages, field messages first.</summary>
    public IEnumerable<Problem> Messages => Errors.OrderBy(e => e.Key.Length == 0).SelectMany(e => e.Value);

    /// <summary>The messages about one field.</summary>
    /// <param name="field">The field (property name of the input).</param>
    public IReadOnlyList<Problem> For(string field) => Errors.TryGetValue(field, out var problems) ? problems : [];

    /// <summary>Whether there are messages about a field.</summary>
    /// <param name="field">The field.</param>
    public bool Has(string field) => Errors.ContainsKey(field);

    /// <summary>Saved.</summary>
    /// <param name="id">The record's id.</param>
    public static ChangeResult Saved(long id) => new(ChangeStatus.Saved, NoErrors, id);

    /// <summary>Refused with field messages.</summary>
    /// <param name="errors">Messages per field.</param>
    public static ChangeResult Invalid(IReadOnlyDictionary<string, Problem[]> errors) => new(ChangeStatus.Invalid, errors);

    /// <summary>Refused with one message about one field, or the whole record when the field is "".</summary>
    /// <param name="field">The field.</param>
    /// <param name="problem">The message.</param>
    public static ChangeResult Invalid(string field, Problem problem) => new(ChangeStatus.Invalid, new Dictionary<string, Problem[]> { [field] = [problem] });

    /// <summary>Refused because the record changed meanwhile.</summary>
    /// <param name="problem">What happened and what the user should do.</param>
    public static ChangeResult Conflict(Problem problem) => new(ChangeStatus.Conflict, new Dictionary<string, Problem[]> { [""] = [problem] });

    /// <summary>The record does not exist.</summary>
    public static ChangeResult NotFound() => new(ChangeStatus.NotFound, new Dictionary<string, Problem[]> { [""] = [new Problem("The record no longer exists.")] });

    /// <summary>The user may not make the change.</summary>
    /// <param name="problem">Why, or null for the general message.</param>
    public static ChangeResult Forbidden(Problem? problem = null) =>
        new(ChangeStatus.Forbidden, new Dictionary<string, Problem[]> { [""] = [problem ?? new Problem("You do not have permission to make this change.")] });
}
