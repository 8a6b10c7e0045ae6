using CrmBlazor.Sdk.Users;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="IUserDirectory"/> of a <see cref="Components.PluginTestContext"/>: the users a test adds,
/// and the user <see cref="Components.PluginTestContext.SignIn"/> signed in.
/// </summary>
public sealed class TestUsers : IUserDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, UserSummary> _users = new(StringComparer.Ordinal);

    /// <summary>Adds a user, or replaces the user of the same id.</summary>
    /// <param name="id">The user id (what <c>ICurrentUser.UserId</c> returns).</param>
    /// <param name="name">The display name, in any script.</param>
    /// <param name="email">The e-mail address, or null.</param>
    /// <param name="roles">The user's roles (see <c>CrmRoles</c>).</param>
    /// <returns>The user as plugins see them.</returns>
    public UserSummary Add(string id, string name, string? email = null, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var user = new UserSummary(id, name, email, roles);
        lock (_lock)
        {
            _users[id] = user;
        }

        return user;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<UserSummary> users = [.. _users.Values.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(u => u.Id, StringComparer.Ordinal)];
            return Task.FromResult(users);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, UserSummary>> GetManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        lock (_lock)
        {
            IReadOnlyDictionary<string, UserSummary> found = userIds.Distinct().Where(_users.ContainsKey).ToDictionary(id => id, id => _users[id]);
            return Task.FromResult(found);
        }
    }
}
