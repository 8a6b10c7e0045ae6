using System.Text;
using CrmBlazor.Bench.Measuring;
using CrmBlazor.Bench.Seeding;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Scenarios;

/// <summary>
/// Opening a customer: the queries CustomerPage and its timeline tab run (CustomerService.GetAsync,
/// CustomerFacts.LoadAsync, the first InteractionQueries.TimelinePageAsync page of 25).
/// </summary>
internal static class CustomerPageScenario
{
    private const int TimelinePageSize = 25;

    public static Scenario Create(SyntheticFirm firm, IServiceProvider services, RawSql sql, int count, Random random)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var ids = Enumerable.Range(0, count).Select(_ => firm.Customers[random.Next(firm.Customers.Count)].Id).ToList();
        var now = firm.Now;
        return new Scenario(
            "customer-page",
            "customer page query set (CustomerService.GetAsync + CustomerFacts.LoadAsync + first InteractionQueries timeline page of 25)",
            ids.Count,
            i => $"customer {ids[i]}",
            async i =>
            {
                await using var scope = services.CreateAsyncScope();
                var customer = await scope.ServiceProvider.GetRequiredService<CustomerService>().GetAsync(ids[i])
                    ?? throw new InvalidOperationException($"Customer {ids[i]} not found.");
                CustomerFacts facts;
                await using (var db = await contexts.CreateDbContextAsync())
                {
                    facts = await CustomerFacts.LoadAsync(db, customer.Id, customer.OwnerUserId, now);
                }

                await using var timelineDb = await contexts.CreateDbContextAsync();
                var (items, hasMore) = await InteractionQueries.TimelinePageAsync(timelineDb, customer.Id, new TimelineFilter(), null, TimelinePageSize);
                return Fingerprint(
                    customer.Name,
                    customer.Contacts.Select(c => c.Id),
                    customer.Addresses.Count,
                    customer.Tags.Select(t => t.Id).Order(),
                    (facts.Interactions, facts.InteractionsLastYear, facts.OpenComplaints, facts.OpenInquiries),
                    facts.OwnerName,
                    facts.Segments.Select(s => s.Id),
                    facts.Figures.Count,
                    items.Select(t => (t.Source, t.Id)),
                    hasMore);
            },
            async i => await RawAsync(sql, ids[i], now));
    }

    private static async Task<string> RawAsync(RawSql sql, long id, DateTimeOffset now)
    {
        await using var connection = await sql.OpenAsync();
        (string, object?) customerId = ("id", id);

        string name;
        string? owner;
        await using (var command = RawSql.Command(connection,
            "SELECT c.\"Name\", COALESCE(u.\"DisplayName\", u.\"Email\"), c.\"Kind\", c.\"Industry\", c.\"Email\", c.\"Phone\", c.\"Website\", " +
            "c.\"Currency\", c.\"Notes\", c.\"IsArchived\", c.\"CreatedAt\", c.\"UpdatedAt\", c.\"LastInteractionAt\", c.\"RowVersion\" " +
            "FROM crm_customers AS c LEFT JOIN crm_users AS u ON u.\"Id\" = c.\"OwnerUserId\" WHERE c.\"Id\" = @id", customerId))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            name = reader.GetString(0);
            owner = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        var contacts = await ColumnAsync(connection,
            "SELECT \"Id\", \"Name\", \"Role\", \"Email\", \"Phone\", \"IsPrimary\", \"IsArchived\", \"RowVersion\" FROM crm_contacts " +
            "WHERE \"CustomerId\" = @id ORDER BY \"IsPrimary\" DESC, \"Name\", \"Id\"", customerId);
        var addresses = await ColumnAsync(connection,
            "SELECT \"Id\", \"Kind\", \"Street\", \"City\", \"PostalCode\", \"Region\", \"Country\" FROM crm_customer_addresses WHERE \"CustomerId\" = @id", customerId);
        var tags = await ColumnAsync(connection,
            "SELECT t.\"Id\", t.\"Name\" FROM crm_customer_tags AS ct JOIN crm_tags AS t ON t.\"Id\" = ct.\"TagId\" WHERE ct.\"CustomerId\" = @id ORDER BY t.\"Id\"", customerId);

        (int, int, int, int) counts;
        await using (var command = RawSql.Command(connection,
            "SELECT COUNT(*), " +
            "COALESCE(SUM(CASE WHEN \"OccurredAt\" >= @yearAgo THEN 1 ELSE 0 END), 0), " +
            "COALESCE(SUM(CASE WHEN \"Channel\" = 'Complaint' AND \"Status\" = 'Open' THEN 1 ELSE 0 END), 0), " +
            "COALESCE(SUM(CASE WHEN \"Channel\" = 'Inquiry' AND \"Status\" = 'Open' THEN 1 ELSE 0 END), 0) " +
            "FROM crm_interactions WHERE \"CustomerId\" = @id", customerId, ("yearAgo", sql.Time(now.AddDays(-365)))))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            counts = (Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3));
        }

        var segments = await ColumnAsync(connection,
            "SELECT s.\"Id\", s.\"Name\" FROM crm_segment_members AS m JOIN crm_segments AS s ON s.\"Id\" = m.\"SegmentId\" " +
            "WHERE m.\"CustomerId\" = @id ORDER BY s.\"Name\"", customerId);
        var figures = await ColumnAsync(connection,
            "SELECT \"FigureId\", \"NumberValue\", \"DateValue\" FROM crm_customer_figures WHERE \"CustomerId\" = @id", customerId);

        var timeline = new List<(long At, int Source, long Id)>();
        await using (var command = RawSql.Command(connection,
            "SELECT \"Id\", \"OccurredAt\", \"Channel\", \"Subject\", \"Body\", \"Direction\", \"Status\", \"Outcome\", \"RowVersion\" " +
            $"FROM crm_interactions WHERE \"CustomerId\" = @id ORDER BY \"OccurredAt\" DESC, \"Id\" DESC LIMIT {TimelinePageSize + 1}", customerId))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                timeline.Add((sql.ReadTime(reader, 1)!.Value.UtcTicks, 1, reader.GetInt64(0)));
            }
        }

        await using (var command = RawSql.Command(connection,
            "SELECT \"Id\", \"OccurredAt\", \"Kind\", \"Title\", \"Summary\", \"Link\" " +
            $"FROM crm_timeline_entries WHERE \"CustomerId\" = @id ORDER BY \"OccurredAt\" DESC, \"Id\" DESC LIMIT {TimelinePageSize + 1}", customerId))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                timeline.Add((sql.ReadTime(reader, 1)!.Value.UtcTicks, 0, reader.GetInt64(0)));
            }
        }

        var page = timeline.OrderByDescending(t => t.At).ThenByDescending(t => t.Source).ThenByDescending(t => t.Id).ToList();
        return Fingerprint(
            name,
            contacts.Select(c => (long)c),
            addresses.Count,
            tags.Select(t => (long)t).Order(),
            counts,
            owner,
            segments.Select(s => (long)s),
            figures.Count,
            page.Take(TimelinePageSize).Select(t => (t.Source, t.Id)),
            page.Count > TimelinePageSize);
    }

    // Reads the rows of a query, keeping the first column (the rest is read as the page would read it).
    private static async Task<List<object>> ColumnAsync(System.Data.Common.DbConnection connection, string text, params (string, object?)[] parameters)
    {
        await using var command = RawSql.Command(connection, text, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object>();
        var row = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(row);
            values.Add(row[0] is long or string ? row[0] : Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    // PostgreSQL's COUNT and SUM are bigint, SQLite's integers are 64-bit.
    private static int Int(System.Data.Common.DbDataReader reader, int ordinal) =>
        Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static string Fingerprint(
        string name, IEnumerable<long> contacts, int addresses, IEnumerable<long> tags, (int, int, int, int) counts, string? owner,
        IEnumerable<long> segments, int figures, IEnumerable<(int Source, long Id)> timeline, bool hasMore) =>
        new StringBuilder()
            .Append(name).Append('|').AppendJoin(',', contacts).Append('|').Append(addresses).Append('|').AppendJoin(',', tags)
            .Append('|').Append(counts).Append('|').Append(owner).Append('|').AppendJoin(',', segments).Append('|').Append(figures)
            .Append('|').AppendJoin(',', timeline.Select(t => $"{t.Source}:{t.Id}")).Append('|').Append(hasMore)
            .ToString();
}
