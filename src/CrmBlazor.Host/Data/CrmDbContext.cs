using CrmBlazor.Data.Audit;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Account.PasswordReset;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Figures;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Features.Messages;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Features.Webhooks;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Data;

/// <summary>
/// The core's database: identity, customers, the timeline, the outbox and job records, and the
/// Data Protection key ring (shared by every host instance).
/// </summary>
/// <param name="options">The options configured by <c>UseCrmDatabase</c>.</param>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options)
    : IdentityDbContext<CrmUser, CrmRole, string>(options), IDataProtectionKeyContext, IDomainEventSource, IOutgoingMessageSource
{
    private readonly List<IDomainEvent> _pendingEvents = [];
    private readonly List<OutgoingMessage> _pendingMessages = [];

    /// <summary>Customers.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>Contacts of company customers.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>Customers' postal addresses.</summary>
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();

    /// <summary>Tags.</summary>
    public DbSet<Tag> Tags => Set<Tag>();

    /// <summary>Interactions: calls, e-mails, meetings, notes, complaints, inquiries, web forms, visits.</summary>
    public DbSet<Interaction> Interactions => Set<Interaction>();

    /// <summary>Contacts involved in interactions.</summary>
    public DbSet<InteractionContact> InteractionContacts => Set<InteractionContact>();

    /// <summary>Users involved in interactions.</summary>
    public DbSet<InteractionUser> InteractionUsers => Set<InteractionUser>();

    /// <summary>The search index of customers and contacts.</summary>
    public DbSet<SearchTerm> SearchTerms => Set<SearchTerm>();

    /// <summary>The firm's catalogue of services.</summary>
    public DbSet<FirmService> FirmServices => Set<FirmService>();

    /// <summary>Segments.</summary>
    public DbSet<Segment> Segments => Set<Segment>();

    /// <summary>The firm's wording of message templates, per template and language.</summary>
    public DbSet<MessageTemplateVersion> MessageTemplateVersions => Set<MessageTemplateVersion>();

    /// <summary>Templates users made for campaigns.</summary>
    public DbSet<CampaignTemplate> CampaignTemplates => Set<CampaignTemplate>();

    /// <summary>Segment memberships as of each segment's last refresh.</summary>
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();

    /// <summary>Figures plugins keep about customers.</summary>
    public DbSet<CustomerFigure> CustomerFigures => Set<CustomerFigure>();

    /// <summary>The audit log.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Plugin timeline entries.</summary>
    public DbSet<TimelineEntryRecord> TimelineEntries => Set<TimelineEntryRecord>();

    /// <summary>Administrators' plugin choices.</summary>
    public DbSet<PluginSetting> PluginSettings => Set<PluginSetting>();

    /// <summary>Plugin archives uploaded by administrators, installed at each instance's next start.</summary>
    public DbSet<PluginArchiveRecord> PluginArchives => Set<PluginArchiveRecord>();

    /// <summary>Permissions seen.</summary>
    public DbSet<KnownPermission> KnownPermissions => Set<KnownPermission>();

    /// <summary>Permission grants to roles.</summary>
    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();

    /// <summary>Job runs.</summary>
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>Security events.</summary>
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    /// <summary>Signed-in browsers: the server side of the authentication cookies.</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Open and used invitations of accounts that had no password.</summary>
    public DbSet<UserInvitation> UserInvitations => Set<UserInvitation>();

    /// <summary>Open and used password reset links of accounts in use.</summary>
    public DbSet<UserPasswordReset> UserPasswordResets => Set<UserPasswordReset>();

    /// <summary>Attempts counted by the forgotten-password and reset pages' rate limits.</summary>
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    /// <summary>The personal access tokens of the API.</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The first answers to the API's creates sent with an <c>Idempotency-Key</c>.</summary>
    public DbSet<ApiIdempotencyRecord> ApiIdempotency => Set<ApiIdempotencyRecord>();

    /// <summary>Published domain events.</summary>
    public DbSet<DomainEventRecord> DomainEvents => Set<DomainEventRecord>();

    /// <summary>Deliveries of domain events.</summary>
    public DbSet<DomainEventDelivery> DomainEventDeliveries => Set<DomainEventDelivery>();

    /// <summary>E-mail messages of the mail outbox.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Attachments of e-mail messages.</summary>
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();

    /// <summary>Delivery attempts of e-mail messages.</summary>
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    /// <summary>Sends of a template to a segment or a contact.</summary>
    public DbSet<MessageSend> MessageSends => Set<MessageSend>();

    /// <summary>The recipients of sends.</summary>
    public DbSet<MessageSendRecipient> MessageSendRecipients => Set<MessageSendRecipient>();

    /// <inheritdoc />
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Outgoing webhook subscriptions.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>Deliveries of events to webhook subscriptions.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Attempts of webhook deliveries.</summary>
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>Publishes a domain event with the next save (see <c>PluginDbContext.Publish</c>).</summary>
    /// <param name="domainEvent">The event.</param>
    public void Publish(IDomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    /// <summary>Queues an e-mail message with the next save (see <c>PluginDbContext.Send</c>).</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException">The message is incomplete or invalid.</exception>
    public void Send(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        _pendingMessages.Add(message);
    }

    IReadOnlyList<OutgoingMessage> IOutgoingMessageSource.TakePendingMessages()
    {
        var messages = _pendingMessages.ToArray();
        _pendingMessages.Clear();
        return messages;
    }

    IReadOnlyList<IDomainEvent> IDomainEventSource.TakePendingEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<CrmUser>(e =>
        {
            e.ToTable("crm_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Culture).HasMaxLength(16);
            e.Property(u => u.TimeZone).HasMaxLength(64);
        });
        builder.Entity<CrmRole>().ToTable("crm_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("crm_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("crm_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("crm_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("crm_user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("crm_role_claims");
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("crm_data_protection_keys");

        builder.ApplyConfiguration(new CustomerConfiguration());
        builder.ApplyConfiguration(new ContactConfiguration());
        builder.ApplyConfiguration(new CustomerAddressConfiguration());
        builder.ApplyConfiguration(new TagConfiguration());
        builder.ApplyConfiguration(new InteractionConfiguration());
        builder.ApplyConfiguration(new InteractionContactConfiguration());
        builder.ApplyConfiguration(new InteractionUserConfiguration());
        builder.ApplyConfiguration(new SearchTermConfiguration(Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"));
        builder.ApplyConfiguration(new SegmentConfiguration());
        builder.ApplyConfiguration(new FirmServiceConfiguration());
        builder.ApplyConfiguration(new MessageTemplateVersionConfiguration());
        builder.ApplyConfiguration(new CampaignTemplateConfiguration());
        builder.ApplyConfiguration(new SegmentMemberConfiguration());
        builder.ApplyConfiguration(new CustomerFigureConfiguration());
        builder.ApplyConfiguration(new MessageSendConfiguration());
        builder.ApplyConfiguration(new MessageSendRecipientConfiguration());
        builder.ApplyConfiguration(new WebhookSubscriptionConfiguration());
        builder.ApplyConfiguration(new WebhookDeliveryConfiguration());
        builder.ApplyConfiguration(new WebhookAttemptConfiguration());
        builder.MapAudit();

        builder.Entity<TimelineEntryRecord>(e =>
        {
            e.ToTable("crm_timeline_entries");
            e.Property(t => t.Kind).HasMaxLength(100);
            e.Property(t => t.Key).HasMaxLength(300);
            e.Property(t => t.Title).HasMaxLength(500);
            e.Property(t => t.Link).HasMaxLength(500);
            e.HasIndex(t => t.Key).IsUnique();
            e.HasIndex(t => new { t.CustomerId, t.OccurredAt });
        });

        builder.Entity<PluginSetting>(e =>
        {
            e.ToTable("crm_plugin_settings");
            e.HasKey(p => p.PluginId);
            e.Property(p => p.PluginId).HasMaxLength(40);
        });

        builder.Entity<PluginArchiveRecord>(e =>
        {
            e.ToTable("crm_plugin_archives");
            e.HasKey(p => p.PluginId);
            e.Property(p => p.PluginId).HasMaxLength(40);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Version).HasMaxLength(100);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.UploadedBy).HasMaxLength(320);
        });

        builder.Entity<KnownPermission>(e =>
        {
            e.ToTable("crm_permissions");
            e.HasKey(p => p.Name);
            e.Property(p => p.Name).HasMaxLength(200);
        });

        builder.Entity<PermissionGrant>(e =>
        {
            e.ToTable("crm_permission_grants");
            e.HasKey(p => new { p.Role, p.Permission });
            e.Property(p => p.Role).HasMaxLength(100);
            e.Property(p => p.Permission).HasMaxLength(200);
        });

        builder.Entity<JobRun>(e =>
        {
            e.ToTable("crm_job_runs");
            e.Property(j => j.JobId).HasMaxLength(120);
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(j => new { j.State, j.QueuedAt });
        });

        builder.Entity<SecurityEvent>(e =>
        {
            e.ToTable("crm_security_events");
            e.Property(s => s.Kind).HasMaxLength(60);
            e.Property(s => s.UserName).HasMaxLength(320);
            e.Property(s => s.NormalizedUserName).HasMaxLength(320);
            e.Property(s => s.RemoteAddress).HasMaxLength(64);
            e.HasIndex(s => s.OccurredAt);
            e.HasIndex(s => new { s.NormalizedUserName, s.Id });
        });

        builder.Entity<UserSession>(e =>
        {
            e.ToTable("crm_user_sessions");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.KeyHash).HasMaxLength(64);
            e.HasIndex(s => s.KeyHash).IsUnique();
            e.Property(s => s.ClientAddress).HasMaxLength(64);
            e.Property(s => s.UserAgent).HasMaxLength(512);
            e.HasIndex(s => s.ExpiresAt);
            // Deleting a user ends their sessions.
            e.HasOne<CrmUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<UserInvitation>(e =>
        {
            e.ToTable("crm_user_invitations");
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.UserId).IsUnique();
            e.HasOne<CrmUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RateLimitCounter>(e =>
        {
            e.ToTable("crm_rate_limits");
            e.HasKey(c => c.Key);
            e.Property(c => c.Key).HasMaxLength(400);
            e.HasIndex(c => c.Window);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("crm_api_tokens");
            e.Property(t => t.Name).HasMaxLength(ApiToken.NameLength);
            e.Property(t => t.Prefix).HasMaxLength(32);
            e.HasIndex(t => t.Prefix).IsUnique();
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.Property(t => t.Scopes).HasMaxLength(4000);
            e.Property(t => t.RevokedBy).HasMaxLength(320);
            e.Ignore(t => t.ScopeList);
            e.HasIndex(t => t.UserId);
            // Deleting a user ends their tokens.
            e.HasOne<CrmUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ApiIdempotencyRecord>(e =>
        {
            e.ToTable("crm_api_idempotency");
            e.Property(r => r.Key).HasMaxLength(ApiIdempotencyRecord.KeyLength);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(2000);
            e.Property(r => r.ETag).HasMaxLength(200);
            e.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
            e.HasIndex(r => r.CreatedAt);
            e.HasOne<CrmUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<UserPasswordReset>(e =>
        {
            e.ToTable("crm_user_password_resets");
            e.Property(r => r.TokenHash).HasMaxLength(64);
            e.HasIndex(r => r.TokenHash).IsUnique();
            e.HasIndex(r => r.UserId).IsUnique();
            e.HasOne<CrmUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.MapOutbox(ownedByThisContext: true);
    }
}
