using CrmBlazor.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.IntegrationTests.Identity;

/// <summary>
/// Common passwords are refused in every environment (OWASP ASVS 5.0 6.2.4), the first
/// administrator's from the settings included.
/// </summary>
public sealed class CommonPasswordTests
{
    [Collection(SqliteHost.Name)]
    public sealed class InProduction(ProductionHostFixture fixture)
    {
        [Theory]
        [InlineData("password")]
        [InlineData("12345678")]
        public async Task NewUser_InProductionWithACommonPassword_IsRefused(string password)
        {
            var result = await fixture.Host.TryCreateUserAsync(new TestUser($"common-{Guid.NewGuid():N}@crm.test", password, CrmRoles.Staff));

            Assert.Equal(["This password is too common: choose another."], result.Errors.Select(e => e.Description));
        }

        [Fact]
        public async Task FirstAdministrator_ConfiguredWithACommonPassword_IsNotCreatedAndTheLogSaysWhy()
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var setup = ProductionHostFixture.Production.WithSettings(new Dictionary<string, string?> { ["Crm:Admin:Password"] = "Password1" });
            await using var host = setup.StartOn(database);

            Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_users"));
            Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Error
                && e.Message.StartsWith("Refusing to create the first administrator", StringComparison.Ordinal)
                && e.Message.Contains("This password is too common: choose another.", StringComparison.Ordinal));
        }
    }
}
