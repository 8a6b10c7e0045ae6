using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> e)
    {
        e.ToTable("crm_segments");
        e.Property(s => s.Name).HasMaxLength(200);
        e.Property(s => s.Description).HasMaxLength(1000);
        e.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class SegmentMemberConfiguration : IEntityTypeConfiguration<SegmentMember>
{
    public void Configure(EntityTypeBuilder<SegmentMember> e)
    {
        e.ToTable("crm_segment_members");
        e.HasKey(m => new { m.SegmentId, m.CustomerId });
        e.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.CustomerId);
    }
}
