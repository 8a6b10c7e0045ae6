using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Search;

internal sealed class SearchTermConfiguration(bool isPostgres) : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> e)
    {
        e.ToTable("crm_search_terms");
        var term = e.Property(t => t.Term).HasMaxLength(SearchText.MaximumTermLength);

        // Prefix search is a range scan (term >= prefix AND term < prefix + U+10FFFF), which needs the
        // index ordered by code point: SQLite's default BINARY collation is; PostgreSQL needs "C".
        if (isPostgres)
        {
            term.UseCollation("C");
        }

        e.HasIndex(t => new { t.Term, t.CustomerId });
        e.HasIndex(t => new { t.CustomerId, t.ContactId });
    }
}
