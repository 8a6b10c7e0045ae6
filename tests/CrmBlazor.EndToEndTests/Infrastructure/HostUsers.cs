using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Adds people in a role to the running host's SQLite database, hashed with ASP.NET Core Identity's
/// own password hasher, as the host would store them (there is no page for managing users yet).
/// The host reads users from the database at every sign-in, so they can sign in at once.
/// </summary>
public static class HostUsers
{
    /// <summary>Adds a user in a role and returns how to sign in.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="role">The role (Manager, Staff, Accountant).</param>
    /// <param name="displayName">The name shown in the CRM.</param>
    public static async Task<Credentials> CreateAsync(CrmHostProcess host, string role, string displayName)
    {
        ArgumentNullException.ThrowIfNull(host);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@crm.test";
        var password = "e2e " + Guid.NewGuid().ToString("N")[..12];
        var id = Guid.NewGuid().ToString();
        var hash = new PasswordHasher<object>().HashPassword(new object(), password);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO crm_users ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
                "LockoutEnabled", "AccessFailedCount")
            VALUES (@id, @name, @created, @email, @normalized, @email, @normalized, 1, @hash, @stamp, @concurrency, 0, 0, 1, 0)
            """,
            ("@id", id), ("@name", displayName), ("@created", DateTimeOffset.UtcNow.UtcTicks), ("@email", email),
            ("@normalized", email.ToUpperInvariant()), ("@hash", hash), ("@stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()),
            ("@concurrency", Guid.NewGuid().ToString()));
        await ExecuteAsync(connection, """
            INSERT INTO crm_user_roles ("UserId", "RoleId") SELECT @id, "Id" FROM crm_roles WHERE "NormalizedName" = @role
            """,
            ("@id", id), ("@role", role.ToUpperInvariant()));
        return new Credentials(email, password);
    }

    /// <summary>
    /// Forgets the language an account remembers (chosen on its account page or in the shell), so that it
    /// signs in in the browser's language. Accounts shared by tests (the administrator) are otherwise
    /// left in whatever language an earlier test chose.
    /// </summary>
    /// <param name="host">The running host.</param>
    /// <param name="email">The account's address.</param>
    public static async Task ForgetLanguageAsync(CrmHostProcess host, string email)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "crm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """UPDATE crm_users SET "Culture" = NULL WHERE "NormalizedEmail" = @normalized""";
        command.Parameters.AddWithValue("@normalized", email.ToUpperInvariant());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException("The user could not be added: " + sql);
        }
    }
}
