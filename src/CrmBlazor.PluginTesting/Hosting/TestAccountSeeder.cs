using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.PluginTesting.Hosting;

/// <summary>
/// Runs inside the host (see <c>StartupHook</c>): creates each test user through the host's
/// <see cref="UserManager{TUser}"/>, so the host's password rules and roles apply, after the host has
/// created its roles and before it starts serving.
/// </summary>
internal sealed class TestAccountSeeder(IServiceProvider services, IReadOnlyList<TestAccount> accounts) : IHostedLifecycleService
{
    /// <summary>The environment variable that carries the users, as JSON.</summary>
    public const string Variable = "CRM_TESTING_USERS";

    // The host's user type; the harness does not reference the host, which it runs as a process.
    private const string UserTypeName = "CrmBlazor.Host.Identity.CrmUser, CrmBlazor.Host";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var userType = Type.GetType(UserTypeName, throwOnError: true)!;
        var create = typeof(TestAccountSeeder).GetMethod(nameof(CreateAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(userType);
        return (Task)create.Invoke(this, [cancellationToken])!;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAsync<TUser>(CancellationToken cancellationToken)
        where TUser : IdentityUser, new()
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TUser>>();
        foreach (var account in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue; // A host restarted on the same data folder keeps its users.
            }

            var user = new TUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true };
            typeof(TUser).GetProperty("DisplayName")?.SetValue(user, account.Role is null ? "No role" : account.Role + " user");
            typeof(TUser).GetProperty("CreatedAt")?.SetValue(user, DateTimeOffset.UtcNow);
            Check(await users.CreateAsync(user, account.Password), account);
            if (account.Role is not null)
            {
                Check(await users.AddToRoleAsync(user, account.Role), account);
            }
        }
    }

    private static void Check(IdentityResult result, TestAccount account)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the test user {account.Email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
