using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> e)
    {
        e.ToTable("crm_customers");
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Name).HasMaxLength(Customer.NameLength);
        e.Property(c => c.Industry).HasMaxLength(100);
        e.Property(c => c.Email).HasMaxLength(320);
        e.Property(c => c.Phone).HasMaxLength(50);
        e.Property(c => c.Website).HasMaxLength(300);
        e.Property(c => c.Currency).HasMaxLength(3);
        e.Property(c => c.Language).HasMaxLength(CustomerInput.LanguageLength);
        e.Property(c => c.OwnerUserId).HasMaxLength(450);
        e.Property(c => c.Notes).HasMaxLength(4000);
        e.Property(c => c.EmailConsentSource).HasMaxLength(EmailConsent.SourceLength);
        e.Property(c => c.EmailConsentRecordedBy).HasMaxLength(450);
        e.HasMany(c => c.Contacts).WithOne(c => c.Customer).HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Tags).WithMany(t => t.Customers).UsingEntity(
            "crm_customer_tags",
            r => r.HasOne(typeof(Tag)).WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Customer)).WithMany().HasForeignKey("CustomerId").OnDelete(DeleteBehavior.Cascade),
            j =>
            {
                j.HasKey("CustomerId", "TagId");

                // A tag's customers from the index alone (the list's tag filter, segments).
                j.HasIndex("TagId", "CustomerId");
            });

        // The list (CustomerQueries): active customers (IsArchived = @archived) in the order of each
        // sortable column, so that a page is read from an index instead of sorting every customer;
        // by owner; and by industry, newest interaction first. The id comes last: it is the order's
        // tie-breaker, and it lets PostgreSQL, whose indexes do not carry the key as SQLite's carry the
        // rowid, count and find a page's ids from the index alone. bench/run.sh core measures them.
        e.HasIndex(c => new { c.IsArchived, c.Name, c.Id });
        e.HasIndex(c => new { c.IsArchived, c.Industry, c.Name, c.Id });
        e.HasIndex(c => new { c.IsArchived, c.LastInteractionAt, c.Id });
        e.HasIndex(c => new { c.OwnerUserId, c.IsArchived, c.Name, c.Id });
        e.HasIndex(c => new { c.Industry, c.IsArchived, c.LastInteractionAt, c.Id });

        // Which of a search's matches are active, for its total: PostgreSQL reads this narrow index
        // instead of the whole table (3,400 pages at 100,000 customers) to join the matches with.
        e.HasIndex(c => new { c.IsArchived, c.Id });
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.ToTable("crm_contacts");
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Role).HasMaxLength(100);
        e.Property(c => c.Email).HasMaxLength(320);
        e.Property(c => c.Phone).HasMaxLength(50);
        e.Property(c => c.Language).HasMaxLength(CustomerInput.LanguageLength);
        e.Property(c => c.EmailConsentSource).HasMaxLength(EmailConsent.SourceLength);
        e.Property(c => c.EmailConsentRecordedBy).HasMaxLength(450);
        e.HasIndex(c => c.CustomerId);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> e)
    {
        e.ToTable("crm_customer_addresses");
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Street).HasMaxLength(300);
        e.Property(a => a.City).HasMaxLength(100);
        e.Property(a => a.PostalCode).HasMaxLength(20);
        e.Property(a => a.Region).HasMaxLength(100);
        e.Property(a => a.Country).HasMaxLength(2);
        e.HasIndex(a => a.CustomerId);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e)
    {
        e.ToTable("crm_tags");
        e.Property(t => t.Name).HasMaxLength(60);
        e.Property(t => t.NormalizedName).HasMaxLength(60);
        e.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
