using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Users;

namespace CrmBlazor.Plugins.Projects.Features.Time;

/// <summary>Whose time the day and week pages show, read from their address (<c>?user=</c>).</summary>
public static class TimeOwner
{
    /// <summary>
    /// The person's user id: the signed-in user's when the address names nobody. A person who does not
    /// exist is left out (noted) for those who may see everyone's time; for the others the page's
    /// refusal applies whoever is named, so that the address does not tell them who exists.
    /// </summary>
    /// <param name="address">The page's reading of its address.</param>
    /// <param name="user">The <c>user</c> parameter.</param>
    /// <param name="access">The signed-in user's access.</param>
    /// <param name="users">The users.</param>
    public static async Task<string> ReadAsync(AddressQuery address, string? user, ProjectAccess access, IUserDirectory users)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(users);
        var own = access.UserId ?? string.Empty;
        var named = address.Text("user", user);
        if (named is null || named == own)
        {
            return own;
        }

        if (await access.CanManageAllTimeAsync() && (await users.GetManyAsync([named])).Count == 0)
        {
            address.Refuse("user", user);
            return own;
        }

        return named;
    }
}
