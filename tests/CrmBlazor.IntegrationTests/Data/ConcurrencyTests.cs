using CrmBlazor.Host.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Data;

/// <summary>
/// Optimistic concurrency on every <c>IVersionedEntity</c>, a plugin's or the core's: of two users
/// who loaded the same row, the second to save is refused instead of silently overwriting the first.
/// </summary>
public abstract class ConcurrencyTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task PluginEntity_SavedFromAStaleCopy_ThrowsConcurrencyException()
    {
        var alpha = FixtureAlpha.In(fixture.Host);
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var noteId = await alpha.AddNoteAsManagerAsync(customer.Id, "Original text");
        await using var firstUser = fixture.Host.Services.CreateAsyncScope();
        await using var secondUser = fixture.Host.Services.CreateAsyncScope();
        var first = alpha.Context(firstUser.ServiceProvider);
        var second = alpha.Context(secondUser.ServiceProvider);
        var firstCopy = (await first.FindAsync(alpha.NoteType, noteId))!;
        var secondCopy = (await second.FindAsync(alpha.NoteType, noteId))!;

        first.Entry(firstCopy).Property("Text").CurrentValue = "First user's text";
        await first.SaveChangesAsync();
        second.Entry(secondCopy).Property("Text").CurrentValue = "Second user's text";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(["First user's text"], await fixture.Database.ColumnAsync<string>("SELECT \"Text\" FROM fixture_alpha_notes WHERE \"Id\" = @p0", noteId));
    }

    [Fact]
    public async Task CoreEntity_SavedFromAStaleCopy_ThrowsConcurrencyException()
    {
        var customer = await new CustomerBuilder().Named("Original name").SaveAsync(fixture.Host);
        var contexts = fixture.Host.Services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var firstCopy = await first.Customers.SingleAsync(c => c.Id == customer.Id);
        var secondCopy = await second.Customers.SingleAsync(c => c.Id == customer.Id);

        firstCopy.Name = "First user's name";
        await first.SaveChangesAsync();
        secondCopy.Name = "Second user's name";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(["First user's name"], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", customer.Id));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : ConcurrencyTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : ConcurrencyTests(fixture);
}
