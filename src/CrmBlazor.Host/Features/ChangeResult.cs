namespace CrmBlazor.Host.Features;

/// <summary>How a change requested by a user ended.</summary>
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
/// for outcomes a user can cause, so that pages show a clear message and APIs a 4xx status.
/// </summary>
/// <param name="Status">How it ended.</param>
/// <param name="Errors">Messages per field ("" for the whole record), in English; pages localise them.</param>
/// <param name="Id">The id of the record created or changed.</param>
public sealed record ChangeResult(ChangeStatus Status, IReadOnlyDictionary<string, string[]> Errors, long? Id = null)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>Whether the change was saved.</summary>
    public bool Succeeded => Status == ChangeStatus.Saved;

    /// <summary>All messages, field messages first.</summary>
    public IEnumerable<string> Messages => Errors.OrderBy(e => e.Key.Length == 0).SelectMany(e => e.Value);

    /// <summary>Saved.</summary>
    /// <param name="id">The record's id.</param>
    public static ChangeResult Saved(long id) => new(ChangeStatus.Saved, NoErrors, id);

    /// <summary>Refused with field messages.</summary>
    /// <param name="errors">Messages per field.</param>
    public static ChangeResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ChangeStatus.Invalid, errors);

    /// <summary>Refused with one message about the whole record.</summary>
    /// <param name="message">The message.</param>
    public static ChangeResult Invalid(string message) => new(ChangeStatus.Invalid, new Dictionary<string, string[]> { [""] = [message] });

    /// <summary>Refused because the record changed meanwhile.</summary>
    /// <param name="message">What the user should do.</param>
    public static ChangeResult Conflict(string message) => new(ChangeStatus.Conflict, new Dictionary<string, string[]> { [""] = [message] });

    /// <summary>The record does not exist.</summary>
    public static ChangeResult NotFound() => new(ChangeStatus.NotFound, new Dictionary<string, string[]> { [""] = ["The record no longer exists."] });

    /// <summary>The user may not make the change.</summary>
    public static ChangeResult Forbidden() => new(ChangeStatus.Forbidden, new Dictionary<string, string[]> { [""] = ["You do not have permission to make this change."] });
}
