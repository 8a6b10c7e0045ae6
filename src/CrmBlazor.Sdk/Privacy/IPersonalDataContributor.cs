namespace CrmBlazor.Sdk.Privacy;

/// <summary>
/// A plugin's part of a personal-data export and of an erasure (register it with
/// <c>IPluginBuilder.AddPersonalData</c>).
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>
    /// Returns everything the plugin holds about the person, as an object that serialises to JSON
    /// (records, lists, dictionaries), or null if it holds nothing.
    /// </summary>
    /// <param name="subject">The person.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes or anonymises everything the plugin holds about the person, except what the law
    /// requires it to keep (an issued invoice keeps its legal content). Must be idempotent.
    /// </summary>
    /// <param name="subject">The person.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>A short, user-facing account of what was erased and what was kept, and why.</returns>
    Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken);
}

/// <summary>The person an export or erasure is about.</summary>
/// <param name="CustomerId">The customer the person is, or belongs to.</param>
/// <param name="ContactId">The contact, when the person is a contact of a company; null when the customer itself is the person.</param>
/// <param name="Names">The person's names as stored, to find free-text mentions.</param>
/// <param name="Emails">The person's e-mail addresses.</param>
public sealed record PersonalDataSubject(
    long CustomerId,
    long? ContactId,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Emails);
