namespace CrmBlazor.Testing;

/// <summary>A user the tests can sign in as.</summary>
/// <param name="Email">The e-mail address, which is also the user name.</param>
/// <param name="Password">The password.</param>
/// <param name="Role">The role (see <c>CrmRoles</c>), or null for a user without a role.</param>
public sealed record TestUser(string Email, string Password, string? Role);
