using CrmBlazor.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Data.Tests;

/// <summary>
/// SQLite's own lower() changes ASCII letters only; every CRM context on SQLite gets the Unicode case
/// mapping PostgreSQL has, so that case-insensitive comparisons (segment rules) agree on both.
/// </summary>
public sealed class SqliteUnicodeCaseTests
{
    [Theory]
    [InlineData("lower", "ÄRZTEHAUS ÖSTERREICH", "ärztehaus österreich")]
    [InlineData("lower", "ΩΜΈΓΑ Ltd", "ωμέγα ltd")]
    [InlineData("upper", "société générale", "SOCIÉTÉ GÉNÉRALE")]
    [InlineData("lower", "சென்னை மென்பொருள்", "சென்னை மென்பொருள்")]
    public async Task CaseFunctions_NonAsciiLetters_AreMappedLikePostgres(string function, string text, string expected)
    {
        await using var db = new ProbeContext(new DbContextOptionsBuilder<ProbeContext>()
            .UseCrmDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), pluginId: null).Options);

        var query = function == "lower"
            ? db.Database.SqlQuery<string>($"SELECT lower({text}) AS \"Value\"")
            : db.Database.SqlQuery<string>($"SELECT upper({text}) AS \"Value\"");
        var mapped = await query.SingleAsync();

        Assert.Equal(expected, mapped);
    }

    [Fact]
    public async Task CaseFunctions_Null_StayNull()
    {
        await using var db = new ProbeContext(new DbContextOptionsBuilder<ProbeContext>()
            .UseCrmDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), pluginId: null).Options);

        var mapped = await db.Database.SqlQueryRaw<string?>("SELECT lower(NULL) AS \"Value\"").SingleAsync();

        Assert.Null(mapped);
    }

    private sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options);
}
