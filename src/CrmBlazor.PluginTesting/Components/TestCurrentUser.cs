using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.PluginTesting.Components;

/// <summary>The <see cref="ICurrentUser"/> of a bUnit context: the user <see cref="PluginTestContext.SignIn"/> signed in.</summary>
internal sealed class TestCurrentUser : ICurrentUser
{
    public string? Role { get; set; }

    public IReadOnlyList<string> Permissions { get; set; } = [];

    public bool IsAuthenticated => UserName is not null;

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public bool IsInRole(string role) => Role == role;

    public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        Task.FromResult(Permissions.Contains(permission));
}
