using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Catalogue;

internal sealed class FirmServiceConfiguration : IEntityTypeConfiguration<FirmService>
{
    public void Configure(EntityTypeBuilder<FirmService> e)
    {
        e.ToTable("crm_services");
        e.Property(s => s.Name).HasMaxLength(ServiceInput.NameLength);
        e.Property(s => s.Code).HasMaxLength(ServiceInput.CodeLength);
        e.Property(s => s.SacCode).HasMaxLength(6);
        e.Property(s => s.DefaultTaxRate).HasPrecision(5, 2);
        e.HasIndex(s => s.Name).IsUnique();
    }
}
