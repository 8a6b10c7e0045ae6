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

        // A customer's terms: replaced on every save, and looked up customer by customer when the
        // list walks its order for a word that matches thousands (SearchIndex.WhereEachMatches).
        e.HasIndex(t => new { t.CustomerId, t.Term });
    }
}
