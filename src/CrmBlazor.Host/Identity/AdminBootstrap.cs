using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Creates the roles, and on an empty database the first administrator from <c>Crm:Admin:Email</c>
/// and <c>Crm:Admin:Password</c>, which must pass the password rules (length, not a common password).
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

        // The password rules apply to the first administrator too (a common or short password would
        // guard the whole installation); the host starts without users rather than with a weak one.
        var refusals = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, admin, password);
            refusals.AddRange(verdict.Errors.Select(e => e.Description));
        }

        if (refusals.Count > 0)
        {
            logger.LogError("Refusing to create the first administrator: the password in Crm:Admin:Password is refused ({Reasons}). Set Crm__Admin__Password to a passphrase of your own.", string.Join(" ", refusals));
            return;
        }

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
