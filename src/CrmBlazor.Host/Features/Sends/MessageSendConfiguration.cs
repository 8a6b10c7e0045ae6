using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Sends;

internal sealed class MessageSendConfiguration : IEntityTypeConfiguration<MessageSend>
{
    public void Configure(EntityTypeBuilder<MessageSend> e)
    {
        e.ToTable("crm_message_sends");
        e.Property(s => s.TemplateKey).HasMaxLength(MessageSend.TemplateKeyLength);
        e.Property(s => s.TemplateTitle).HasMaxLength(300);
        e.Property(s => s.AudienceName).HasMaxLength(300);
        e.Property(s => s.PublicAddress).HasMaxLength(500);
        e.Property(s => s.StartedBy).HasMaxLength(450);
        e.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(s => s.StartedAt);
    }
}

internal sealed class MessageSendRecipientConfiguration : IEntityTypeConfiguration<MessageSendRecipient>
{
    public void Configure(EntityTypeBuilder<MessageSendRecipient> e)
    {
        e.ToTable("crm_message_send_recipients");
        e.Ignore(r => r.MessageKey);
        e.Property(r => r.Name).HasMaxLength(300);
        e.Property(r => r.Email).HasMaxLength(320);
        e.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Subject).HasMaxLength(998);
        e.Property(r => r.Language).HasMaxLength(16);
        e.Property(r => r.UnsubscribeTokenHash).HasMaxLength(64);
        e.HasOne<MessageSend>().WithMany().HasForeignKey(r => r.SendId).OnDelete(DeleteBehavior.Cascade);

        // The job takes the pending recipients of a send in order; the page counts them by state.
        e.HasIndex(r => new { r.SendId, r.State, r.Id });
        e.HasIndex(r => r.UnsubscribeTokenHash).IsUnique();
        e.HasIndex(r => r.CustomerId);
    }
}
