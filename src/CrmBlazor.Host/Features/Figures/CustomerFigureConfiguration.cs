using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Figures;

internal sealed class CustomerFigureConfiguration : IEntityTypeConfiguration<CustomerFigure>
{
    public void Configure(EntityTypeBuilder<CustomerFigure> e)
    {
        e.ToTable("crm_customer_figures");
        e.HasKey(f => new { f.FigureId, f.CustomerId });
        e.Property(f => f.FigureId).HasMaxLength(100);
        e.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => f.CustomerId);
    }
}
