using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Creates the roles, and on an empty database the first administrator from <c>Crm:Admin:Email</c>
/// and <c>Crm:Admin:Password</c>.
/// </summary>
internal static class AdminBootstrap
{
    /// <summary>The development password shipped in appsettings.json; refused outside Development.</summary>
    public const string ShippedPassword = "change-me-on-first-sign-in";

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var roles = services.GetRequiredService<RoleManager<CrmRole>>();
        foreach (var role in CrmRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new CrmRole(role)), "create role " + role);
            }
        }

        var users = services.GetRequiredService<UserManager<CrmUser>>();
        if (users.Users.Any())
        {
            return;
        }

        var email = configuration["Crm:Admin:Email"];
        var password = configuration["Crm:Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            logger.LogWarning("The database has no users and Crm:Admin:Email / Crm:Admin:Password are not set: nobody can sign in.");
            return;
        }

        if (password == ShippedPassword && !environment.IsDevelopment())
        {
            logger.LogError("Refusing to create the first administrator with the development password shipped in appsettings.json. Set Crm__Admin__Password.");
            return;
        }

        var admin = new CrmUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(admin, password), "create the first administrator");
        Check(await users.AddToRoleAsync(admin, CrmRoles.Admin), "make the first user an administrator");
        logger.LogInformation("Created the first administrator {AdminEmail}", email);
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {action}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
