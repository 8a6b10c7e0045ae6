using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Data.Outbox;

/// <summary>The mapping of the outbox tables, which the core owns and every context writes to.</summary>
public static class OutboxModel
{
    /// <summary>Name of the table of published events.</summary>
    public const string EventsTable = "crm_domain_events";

    /// <summary>Name of the table of deliveries.</summary>
    public const string DeliveriesTable = "crm_domain_event_deliveries";

    /// <summary>Name of the table of e-mail messages.</summary>
    public const string MessagesTable = "crm_outbox_messages";

    /// <summary>Name of the table of e-mail attachments.</summary>
    public const string AttachmentsTable = "crm_outbox_attachments";

    /// <summary>Name of the table of delivery attempts of e-mail messages.</summary>
    public const string AttemptsTable = "crm_outbox_attempts";

    /// <summary>Longest idempotency key of a message.</summary>
    public const int IdempotencyKeyLength = OutgoingMessage.MaxIdempotencyKeyLength;

    /// <summary>Longest subject of a message (RFC 5322's limit of a header line).</summary>
    public const int SubjectLength = OutgoingMessage.MaxSubjectLength;

    /// <summary>Longest file name of an attachment.</summary>
    public const int FileNameLength = OutgoingMessage.MaxFileNameLength;

    /// <summary>Longest MIME type of an attachment.</summary>
    public const int ContentTypeLength = OutgoingMessage.MaxContentTypeLength;

    /// <summary>Longest server answer or error kept with a message or an attempt.</summary>
    public const int ServerAnswerLength = 2000;

    /// <summary>
    /// Maps <see cref="DomainEventRecord"/>, <see cref="OutboxMessage"/> and <see cref="OutboxAttachment"/>
    /// (and, for the core, <see cref="DomainEventDelivery"/> and <see cref="OutboxAttempt"/>).
    /// </summary>
    /// <param name="modelBuilder">The model being built.</param>
    /// <param name="ownedByThisContext">True for the core's context, which creates the tables; false for plugin contexts.</param>
    public static void MapOutbox(this ModelBuilder modelBuilder, bool ownedByThisContext)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DomainEventRecord>(e =>
        {
            e.ToTable(EventsTable, t => t.ExcludeFromMigrations(!ownedByThisContext));
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.CompletedAt);
        });

        if (ownedByThisContext)
        {
            modelBuilder.Entity<DomainEventDelivery>(e =>
            {
                e.ToTable(DeliveriesTable);
                e.HasKey(x => new { x.EventId, x.Subscriber });
                e.Property(x => x.Subscriber).HasMaxLength(300);
            });
        }

        MapMessages(modelBuilder, ownedByThisContext);
    }

    private static void MapMessages(ModelBuilder modelBuilder, bool ownedByThisContext)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(MessagesTable, t => t.ExcludeFromMigrations(!ownedByThisContext));
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IdempotencyKey).HasMaxLength(IdempotencyKeyLength);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.Property(x => x.Owner).HasMaxLength(100);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Subject).HasMaxLength(SubjectLength);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(ServerAnswerLength);
            e.Property(x => x.MessageIdHeader).HasMaxLength(300);
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasIndex(x => x.CustomerId);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxAttachment>(e =>
        {
            e.ToTable(AttachmentsTable, t => t.ExcludeFromMigrations(!ownedByThisContext));
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FileName).HasMaxLength(FileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(ContentTypeLength);
            e.HasIndex(x => new { x.MessageId, x.Position }).IsUnique();
        });

        if (ownedByThisContext)
        {
            modelBuilder.Entity<OutboxAttempt>(e =>
            {
                e.ToTable(AttemptsTable);
                e.HasKey(x => x.Id);
                e.Property(x => x.Outcome).HasMaxLength(20);
                e.Property(x => x.ServerAnswer).HasMaxLength(ServerAnswerLength);
                e.HasIndex(x => new { x.MessageId, x.AttemptedAt });
                e.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            });
        }
    }
}
