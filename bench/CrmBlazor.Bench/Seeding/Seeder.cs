using System.Diagnostics;
using CrmBlazor.Host.Features.Search;

namespace CrmBlazor.Bench.Seeding;

/// <summary>How long the load took and how much it wrote.</summary>
/// <param name="Seconds">Wall time of the whole load, statistics included.</param>
/// <param name="Rows">Rows written per table.</param>
/// <param name="Phases">Seconds per phase.</param>
internal sealed record SeedReport(double Seconds, IReadOnlyDictionary<string, long> Rows, IReadOnlyDictionary<string, double> Phases);

/// <summary>Writes a <see cref="SyntheticFirm"/> into a migrated database with <see cref="BulkWriter"/>.</summary>
internal static class Seeder
{
    /// <summary>Loads the firm and updates the planner's statistics.</summary>
    /// <param name="database">The migrated, empty database.</param>
    /// <param name="firm">The data.</param>
    /// <param name="analyze">Whether to run ANALYZE at the end.</param>
    /// <param name="log">Progress output.</param>
    public static async Task<SeedReport> SeedAsync(BenchDatabase database, SyntheticFirm firm, bool analyze, TextWriter log)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        await using var writer = await BulkWriter.OpenAsync(database);

        void Phase(string name, Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            phases[name] = Math.Round(watch.Elapsed.TotalSeconds, 2);
            log.WriteLine($"  {database.Provider,-8} {name,-16} {watch.Elapsed.TotalSeconds,7:F1} s");
        }

        void Table(string table, string[] columns, IEnumerable<object?[]> values) => rows[table] = writer.Write(table, columns, values);

        Phase("users", () => Table("crm_users",
            ["Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
                "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"],
            firm.Users.Select(u => new object?[]
            {
                u.Id, u.DisplayName, firm.Now.AddYears(-3), u.Email, u.Email.ToUpperInvariant(), u.Email, u.Email.ToUpperInvariant(), true,
                Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), false, false, true, 0,
            })));

        Phase("customers", () =>
        {
            Table("crm_tags", ["Id", "Name", "NormalizedName"], firm.Tags.Select(t => new object?[] { t.Id, t.Name, t.NormalizedName }));
            Table("crm_customers",
                ["Id", "Kind", "Name", "Industry", "Email", "Phone", "Website", "Currency", "OwnerUserId", "Notes", "IsArchived", "CreatedAt",
                    "UpdatedAt", "LastInteractionAt", "RowVersion"],
                firm.Customers.Select(c => new object?[]
                {
                    c.Id, c.Kind.ToString(), c.Name, c.Industry, c.Email, c.Phone, c.Website, c.Currency, c.OwnerUserId, c.Notes, c.IsArchived,
                    c.CreatedAt, c.UpdatedAt, c.LastInteractionAt, c.RowVersion,
                }));
            Table("crm_contacts", ["Id", "CustomerId", "Name", "Role", "Email", "Phone", "IsPrimary", "IsArchived", "CreatedAt", "RowVersion"],
                firm.Customers.SelectMany(c => c.Contacts).Select(c => new object?[]
                {
                    c.Id, c.CustomerId, c.Name, c.Role, c.Email, c.Phone, c.IsPrimary, c.IsArchived, c.CreatedAt, c.RowVersion,
                }));
            Table("crm_customer_addresses", ["CustomerId", "Kind", "Street", "City", "PostalCode", "Region", "Country"],
                firm.Customers.SelectMany(c => c.Addresses.Select(a => new object?[]
                {
                    c.Id, a.Kind.ToString(), a.Street, a.City, a.PostalCode, a.Region, a.Country,
                })));
            Table("crm_customer_tags", ["CustomerId", "TagId"],
                firm.Customers.SelectMany(c => c.Tags.Select(t => new object?[] { c.Id, t.Id })));
        });

        Phase("interactions", () => Table("crm_interactions",
            ["Id", "CustomerId", "Channel", "Direction", "OccurredAt", "Subject", "Body", "Status", "OwnerUserId", "ResolvedAt", "CreatedByUserId",
                "CreatedAt", "RowVersion"],
            firm.Interactions.Select(i => new object?[]
            {
                i.Id, i.CustomerId, i.Channel.ToString(), i.Direction.ToString(), i.OccurredAt, i.Subject, i.Body, i.Status.ToString(), i.OwnerUserId,
                i.Status == Host.Features.Interactions.InteractionStatus.Resolved ? i.OccurredAt.AddDays(2) : null, i.OwnerUserId,
                i.OccurredAt.AddMinutes(5), Guid.NewGuid(),
            })));

        Phase("timeline entries", () => Table("crm_timeline_entries", ["CustomerId", "Kind", "Key", "OccurredAt", "Title", "Summary", "Link"],
            firm.TimelineEntries.Select(t => new object?[] { t.CustomerId, "invoicing.invoice-issued", t.Key, t.OccurredAt, t.Title, null, t.Link })));

        // The search index is built by the host's own code, exactly as CustomerService stores it.
        Phase("search terms", () => Table("crm_search_terms", ["Term", "CustomerId", "ContactId"],
            firm.Customers.SelectMany(SearchIndex.TermsOf).Select(t => new object?[] { t.Term, t.CustomerId, t.ContactId })));

        Phase("segments", () =>
        {
            Table("crm_segments", ["Id", "Name", "Description", "Definition", "MemberCount", "RefreshedAt", "CreatedAt", "RowVersion"],
                firm.Segments.Select(s => new object?[] { s.Id, s.Name, null, s.Definition, s.Members.Count, firm.Now, firm.Now.AddDays(-90), Guid.NewGuid() }));
            Table("crm_segment_members", ["SegmentId", "CustomerId"],
                firm.Segments.SelectMany(s => s.Members.Select(m => new object?[] { s.Id, m })));
            Table("crm_customer_figures", ["FigureId", "CustomerId", "NumberValue", "DateValue", "UpdatedAt"],
                firm.Figures.Select(f => new object?[] { f.FigureId, f.CustomerId, f.Number, f.Date, firm.Now }));
        });

        writer.ContinueIdentities("crm_tags", "crm_customers", "crm_contacts", "crm_interactions", "crm_segments");
        if (analyze)
        {
            Phase("analyze", writer.Analyze);
        }

        return new SeedReport(Math.Round(total.Elapsed.TotalSeconds, 1), rows, phases);
    }
}
