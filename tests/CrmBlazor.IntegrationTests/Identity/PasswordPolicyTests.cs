using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Identity;

/// <summary>
/// OWASP ASVS 5.0 password rules: at least 8 characters (6.2.1), no composition rules (6.2.5),
/// passphrases of 64 characters and more (6.2.9), the most common passwords refused (6.2.4).
/// </summary>
public abstract class PasswordPolicyTests(CrmHostFixture fixture)
{
    public static TheoryData<string> AcceptedPasswords => new()
    {
        "tamarind", // 8 characters, all lower case
        "correct horse battery staple and a quiet blue kettle on the stove!", // a 66-character passphrase
        new string('p', 128),
    };

    public static TheoryData<string> RefusedPasswords => new()
    {
        "abcdefg",
        new string('p', 129),
    };

    [Theory]
    [MemberData(nameof(AcceptedPasswords))]
    public async Task NewUser_WithPasswordOfEightOrMoreCharactersOfAnyKind_IsCreated(string password)
    {
        var result = await fixture.Host.TryCreateUserAsync(NewStaff(password));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Theory]
    [MemberData(nameof(RefusedPasswords))]
    public async Task NewUser_WithPasswordShorterThanEightOrLongerThan128_IsRefused(string password)
    {
        var result = await fixture.Host.TryCreateUserAsync(NewStaff(password));

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("Password1")]
    [InlineData("QWERTYUIOP")]
    public async Task NewUser_WithCommonPasswordInAnyCase_IsRefusedAsTooCommon(string password)
    {
        var result = await fixture.Host.TryCreateUserAsync(NewStaff(password));

        Assert.Equal(["This password is too common: choose another."], result.Errors.Select(e => e.Description));
    }

    private static TestUser NewStaff(string password) => new($"policy-{Guid.NewGuid():N}@crm.test", password, CrmRoles.Staff);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PasswordPolicyTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PasswordPolicyTests(fixture);
}
