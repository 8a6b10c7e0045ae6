namespace CrmBlazor.PluginTesting;

/// <summary>A user of a <see cref="PluginHost"/>, created in a role when the host started.</summary>
/// <param name="Email">The e-mail address, which is also the user name.</param>
/// <param name="Password">The password.</param>
/// <param name="Role">The role (one of <c>CrmRoles.All</c>), or null for a user without a role.</param>
public sealed record TestAccount(string Email, string Password, string? Role);
