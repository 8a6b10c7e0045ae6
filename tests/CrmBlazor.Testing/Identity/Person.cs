using CrmBlazor.Host.Identity;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>A user of the CRM in a role, with the id plugins record their work under (time, invoices).</summary>
/// <param name="User">How to sign in.</param>
/// <param name="Id">The user id.</param>
public sealed record Person(TestUser User, string Id)
{
    /// <summary>Creates a user in a role (see <c>CrmRoles</c>).</summary>
    /// <param name="host">The host.</param>
    /// <param name="role">The role.</param>
    public static async Task<Person> CreateAsync(CrmHostFactory host, string role)
    {
        var user = await host.CreateUserAsync(role);
        var id = await host.InScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email))!.Id);
        return new Person(user, id);
    }
}
