namespace CrmBlazor.Sdk.Privacy;

/// <summary>
/// A plugin's part of the export and the erasure of a member of staff's personal data: what the firm
/// holds about one of its own users (working hours, time off, skills), as opposed to a customer's
/// (<see cref="IPersonalDataContributor"/>). Register it with <c>IPluginBuilder.AddStaffPersonalData</c>.
/// </summary>
public interface IStaffPersonalDataContributor
{
    /// <summary>
    /// Returns everything the plugin holds about the user, as an object that serialises to JSON
    /// (records, lists, dictionaries), or null if it holds nothing.
    /// </summary>
    /// <param name="subject">The user.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    Task<object?> ExportAsync(StaffDataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes or anonymises everything the plugin holds about the user, keeping the work recorded under
    /// the account (time, plans, invoices) without the person's name. Called before the account itself is
    /// anonymised, and again if an erasure was interrupted: must be idempotent.
    /// </summary>
    /// <param name="subject">The user.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>A short, user-facing account of what was erased and what was kept, and why.</returns>
    Task<string> EraseAsync(StaffDataSubject subject, CancellationToken cancellationToken);
}

/// <summary>The user an export or erasure of staff data is about.</summary>
/// <param name="UserId">The user's id.</param>
/// <param name="Names">The user's names as stored (display name, user name), to find free-text mentions.</param>
/// <param name="Emails">The user's e-mail addresses.</param>
/// <param name="AnonymousName">
/// The name the host gives the account when its personal data is erased ("Former user" and a short code),
/// for a record of the person that stays (the person an allocation is for) to take the same name.
/// </param>
public sealed record StaffDataSubject(string UserId, IReadOnlyList<string> Names, IReadOnlyList<string> Emails, string AnonymousName);
