namespace CrmBlazor.Sdk.Users;

/// <summary>
/// The people who sign in to the CRM, for plugins that assign work or record it per person (project
/// leads, time entries, allocations). Read-only: users are managed by the host.
/// </summary>
public interface IUserDirectory
{
    /// <summary>Every user, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The users among the given ids that exist.</summary>
    /// <param name="userIds">The user ids.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyDictionary<string, UserSummary>> GetManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);
}

/// <summary>A user as plugins see them.</summary>
/// <param name="Id">The user id (what <c>ICurrentUser.UserId</c> returns).</param>
/// <param name="Name">The display name, or the e-mail address when there is none.</param>
/// <param name="Email">The e-mail address, or null.</param>
/// <param name="Roles">The user's roles (see <c>CrmRoles</c>).</param>
public sealed record UserSummary(string Id, string Name, string? Email, IReadOnlyList<string> Roles)
{
    /// <summary>
    /// The user's own language, a culture name such as <c>ta-IN</c> (what their pages are shown in), or
    /// null for the firm's default; mail to a colleague is written in it (<c>TemplateRecipient.Language</c>).
    /// </summary>
    public string? Culture { get; init; }
}
