namespace CrmBlazor.Sdk.Authorization;

/// <summary>A permission, which is also the name of the authorization policy that checks it.</summary>
/// <param name="Name">Unique name, prefixed with the owner's id: <c>projects.view</c>, <c>crm.customers.edit</c>.</param>
/// <param name="DisplayName">What administrators see when assigning permissions to roles.</param>
/// <param name="DefaultRoles">Roles (see <see cref="CrmRoles"/>) that receive the permission when it first appears.</param>
public sealed record Permission(string Name, string DisplayName, IReadOnlyList<string> DefaultRoles)
{
    /// <summary>Creates a permission granted by default to the given roles.</summary>
    /// <param name="name">Unique name, prefixed with the owner's id.</param>
    /// <param name="displayName">What administrators see.</param>
    /// <param name="defaultRoles">Roles that receive it when it first appears.</param>
    public Permission(string name, string displayName, params string[] defaultRoles)
        : this(name, displayName, (IReadOnlyList<string>)defaultRoles)
    {
    }
}
