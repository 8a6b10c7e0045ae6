using System.Globalization;
using System.Text.Json;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Audit;

/// <summary>
/// Who changed what, with values before and after, for the core's and a plugin's entities alike,
/// written by the shared save pipeline without anything in the plugin's code.
/// </summary>
public abstract class AuditLogTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task CustomerChange_IsRecordedWithTheUserAndEachChangedValueBeforeAndAfter()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var created = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().CreateAsync(
            new CustomerInput { Name = "ბათუმის ლოჯისტიკა", Industry = "Logistics", Currency = "GEL" }));
        var id = created.Id!.Value;
        var input = await fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(id))!));
        input.Industry = "Shipping";

        await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, input));

        var rows = await fixture.Database.QueryAsync(
            "SELECT \"Action\", \"ActorName\", \"Changes\" FROM crm_audit_entries WHERE \"Owner\" = 'crm' AND \"Entity\" = 'Customer' AND \"EntityKey\" = @p0 ORDER BY \"Id\"",
            id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(["Created", "Updated"], rows.Select(r => (string)r["Action"]!));
        Assert.All(rows, r => Assert.Equal(manager.Email, r["ActorName"]));
        var update = JsonDocument.Parse((string)rows[1]["Changes"]!).RootElement;
        Assert.Equal("Logistics", update.GetProperty("Industry").GetProperty("before").GetString());
        Assert.Equal("Shipping", update.GetProperty("Industry").GetProperty("after").GetString());
        Assert.False(update.TryGetProperty("Name", out _), "An unchanged value was recorded as a change.");
        Assert.False(update.TryGetProperty("RowVersion", out _), "The concurrency token is noise in the audit log.");
    }

    [Fact]
    public async Task PluginEntityChange_IsRecordedUnderThePluginsIdWithoutCodeInThePlugin()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var alpha = FixtureAlpha.In(fixture.Host);

        var noteId = await alpha.AddNoteAsManagerAsync(customer.Id, "ಗ್ರಾಹಕರಿಗೆ ಕರೆ ಮಾಡಿ");

        var rows = await fixture.Database.QueryAsync(
            "SELECT \"Action\", \"ActorName\", \"Changes\" FROM crm_audit_entries WHERE \"Owner\" = @p0 AND \"Entity\" = 'Note' AND \"EntityKey\" = @p1",
            FixtureAlpha.Id, noteId.ToString(CultureInfo.InvariantCulture));
        var row = Assert.Single(rows);
        Assert.Equal("Created", row["Action"]);
        Assert.NotEqual("system", row["ActorName"]);
        var changes = JsonDocument.Parse((string)row["Changes"]!).RootElement;
        Assert.Equal("ಗ್ರಾಹಕರಿಗೆ ಕರೆ ಮಾಡಿ", changes.GetProperty("Text").GetProperty("after").GetString());
    }

    [Fact]
    public async Task FailedSave_LeavesNoAuditEntry()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var created = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().CreateAsync(new CustomerInput { Name = "Kestrel Logistics GmbH" }));
        var id = created.Id!.Value;
        var stale = await fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(id))!));
        var fresh = await fixture.Host.InScopeAsync(async s => CustomerInput.From((await s.GetRequiredService<CustomerService>().GetAsync(id))!));
        fresh.Notes = "Saved first";
        await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, fresh));
        var before = await CountAsync(id);

        stale.Notes = "Refused as a concurrent edit";
        await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().UpdateAsync(id, stale));

        Assert.Equal(before, await CountAsync(id));
    }

    private Task<long> CountAsync(long customerId) => fixture.Database.ScalarAsync<long>(
        "SELECT COUNT(*) FROM crm_audit_entries WHERE \"Entity\" = 'Customer' AND \"EntityKey\" = @p0", customerId.ToString(CultureInfo.InvariantCulture));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : AuditLogTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : AuditLogTests(fixture);
}
