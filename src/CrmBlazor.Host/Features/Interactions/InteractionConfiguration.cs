using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Interactions;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> e)
    {
        e.ToTable("crm_interactions");
        e.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(i => i.Subject).HasMaxLength(300);
        e.Property(i => i.Body).HasMaxLength(8000);
        e.Property(i => i.Outcome).HasMaxLength(1000);
        e.Property(i => i.OwnerUserId).HasMaxLength(450);
        e.Property(i => i.CreatedByUserId).HasMaxLength(450);
        e.Property(i => i.FollowUpKey).HasMaxLength(FollowUps.MaxKeyLength);
        e.HasIndex(i => i.FollowUpKey).IsUnique();
        e.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InteractionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Users).WithOne().HasForeignKey(u => u.InteractionId).OnDelete(DeleteBehavior.Cascade);

        // The timeline (newest first per customer, optionally by channel) and the open complaints list.
        e.HasIndex(i => new { i.CustomerId, i.OccurredAt });
        e.HasIndex(i => new { i.CustomerId, i.Channel, i.OccurredAt });
        e.HasIndex(i => new { i.Status, i.Channel, i.OccurredAt });

        // Interactions in a period, and the dashboard's counts per month and channel, which it answers
        // from the index alone (a year of a million interactions: 0.6 s instead of 7 s on SQLite).
        e.HasIndex(i => new { i.OccurredAt, i.Channel });
    }
}

internal sealed class InteractionContactConfiguration : IEntityTypeConfiguration<InteractionContact>
{
    public void Configure(EntityTypeBuilder<InteractionContact> e)
    {
        e.ToTable("crm_interaction_contacts");
        e.HasKey(c => new { c.InteractionId, c.ContactId });
        e.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => c.ContactId);
    }
}

internal sealed class InteractionUserConfiguration : IEntityTypeConfiguration<InteractionUser>
{
    public void Configure(EntityTypeBuilder<InteractionUser> e)
    {
        e.ToTable("crm_interaction_users");
        e.HasKey(u => new { u.InteractionId, u.UserId });
        e.Property(u => u.UserId).HasMaxLength(450);
    }
}
