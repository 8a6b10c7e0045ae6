using CrmBlazor.Host.Identity;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>Creates users through the host's own <see cref="UserManager{TUser}"/>, so its password rules apply.</summary>
public static class TestUsers
{
    /// <summary>Creates a user in a role, with a unique e-mail address and a valid password.</summary>
    /// <param name="host">The host.</param>
    /// <param name="role">The role (see <c>CrmRoles</c>), or null for none.</param>
    /// <param name="password">The password, or null for a generated one.</param>
    /// <exception cref="InvalidOperationException">Identity refused the user; the message lists why.</exception>
    public static async Task<TestUser> CreateUserAsync(this CrmHostFactory host, string? role, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var user = new TestUser(
            $"{(role ?? "nobody").ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}@crm.test",
            password ?? "pass-" + Guid.NewGuid().ToString("N")[..12],
            role);
        var result = await host.TryCreateUserAsync(user);
        return result.Succeeded
            ? user
            : throw new InvalidOperationException($"Could not create {user.Email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Tries to create a user and returns Identity's verdict (for tests of the password rules).</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The user to create.</param>
    public static Task<IdentityResult> TryCreateUserAsync(this CrmHostFactory host, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        return host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CrmUser>>();
            var account = new CrmUser
            {
                UserName = user.Email,
                Email = user.Email,
                EmailConfirmed = true,
                DisplayName = user.Email,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(account, user.Password);
            if (!created.Succeeded || user.Role is null)
            {
                return created;
            }

            return await users.AddToRoleAsync(account, user.Role);
        });
    }

    /// <summary>
    /// Runs code in a service scope as a signed-in user, the way a request or a circuit event runs it:
    /// the host's services see the user through <see cref="CrmActor"/> and check their permissions.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="user">The user, created with <see cref="CreateUserAsync"/>.</param>
    /// <param name="action">The code.</param>
    public static Task<T> AsUserAsync<T>(this CrmHostFactory host, TestUser user, Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(action);
        return host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<CrmUser>>();
            var account = await users.FindByEmailAsync(user.Email) ?? throw new InvalidOperationException($"There is no user {user.Email}.");
            var principal = await services.GetRequiredService<SignInManager<CrmUser>>().CreateUserPrincipalAsync(account);
            using (CrmActor.Use(new CrmActor(principal, user.Email)))
            {
                return await action(services);
            }
        });
    }

    /// <summary>Runs code in a service scope as a signed-in user (see <see cref="AsUserAsync{T}"/>).</summary>
    /// <param name="host">The host.</param>
    /// <param name="user">The user.</param>
    /// <param name="action">The code.</param>
    public static Task AsUserAsync(this CrmHostFactory host, TestUser user, Func<IServiceProvider, Task> action) =>
        host.AsUserAsync(user, async services =>
        {
            await action(services);
            return true;
        });
}
