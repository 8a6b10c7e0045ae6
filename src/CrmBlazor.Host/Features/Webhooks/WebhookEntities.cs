using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>A URL an administrator subscribed to some webhook event types.</summary>
public sealed class WebhookSubscription : IVersionedEntity
{
    /// <summary>Longest URL.</summary>
    public const int UrlLength = 2000;

    /// <summary>Longest description.</summary>
    public const int DescriptionLength = 500;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The http(s) URL deliveries are posted to.</summary>
    public required string Url { get; set; }

    /// <summary>What the administrator wrote about it.</summary>
    public string? Description { get; set; }

    /// <summary>The subscribed event types, separated by spaces.</summary>
    public required string EventTypes { get; set; }

    /// <summary>The signing secret, <c>whsec_</c> and base64.</summary>
    public required string Secret { get; set; }

    /// <summary>Whether events are delivered.</summary>
    public bool Enabled { get; set; }

    /// <summary>The user told when the subscription is disabled (who created it).</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Since when every attempt failed, or null after a success.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>Why it was disabled by the CRM, or null.</summary>
    public string? DisabledReason { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The subscribed types as a set.</summary>
    public IReadOnlySet<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>Answered with a 2xx status.</summary>
    Delivered,

    /// <summary>Every retry failed; no further attempt is made unless an administrator redelivers it.</summary>
    Failed,
}

/// <summary>One event to one subscription, with the id it carries on every attempt.</summary>
public sealed class WebhookDelivery
{
    /// <summary>The id; also the order of deliveries of one subject.</summary>
    public long Id { get; set; }

    /// <summary>The subscription.</summary>
    public long SubscriptionId { get; set; }

    /// <summary>The domain event it came from (a test event has a fresh id).</summary>
    public Guid EventId { get; set; }

    /// <summary>The webhook event type.</summary>
    public required string EventType { get; set; }

    /// <summary>The <c>webhook-id</c> header: <c>msg_</c> and the event and subscription, the same on every attempt.</summary>
    public required string WebhookId { get; set; }

    /// <summary>The record the event is about; deliveries of one subject go out in order.</summary>
    public required string Subject { get; set; }

    /// <summary>The JSON body.</summary>
    public required string Payload { get; set; }

    /// <summary>When the event occurred (orders the deliveries of a subject).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When the delivery was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the next attempt is due; while an attempt runs, the end of its claim.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Attempts made since it was written or redelivered.</summary>
    public int Attempts { get; set; }

    /// <summary>The state.</summary>
    public WebhookDeliveryState State { get; set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Changes with every claim, so that two senders cannot both claim it.</summary>
    public Guid ClaimToken { get; set; }
}

/// <summary>One attempt of a delivery.</summary>
public sealed class WebhookAttempt
{
    /// <summary>Longest response excerpt kept: 1 KB.</summary>
    public const int ExcerptLength = 1024;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The delivery.</summary>
    public long DeliveryId { get; set; }

    /// <summary>When the attempt ended.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why no answer came (refused target, time-out, connection error).</summary>
    public string? Error { get; set; }

    /// <summary>How long the request took.</summary>
    public int DurationMs { get; set; }

    /// <summary>The start of the response body.</summary>
    public string? ResponseExcerpt { get; set; }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.ToTable("crm_webhook_subscriptions");
        e.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlLength);
        e.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionLength);
        e.Property(s => s.EventTypes).HasMaxLength(4000);
        e.Property(s => s.Secret).HasMaxLength(100);
        e.Property(s => s.OwnerUserId).HasMaxLength(450);
        e.Property(s => s.DisabledReason).HasMaxLength(500);
        e.Property(s => s.RowVersion).IsConcurrencyToken();
        e.Ignore(s => s.Types);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("crm_webhook_deliveries");
        e.Property(d => d.EventType).HasMaxLength(200);
        e.Property(d => d.WebhookId).HasMaxLength(100);
        e.Property(d => d.Subject).HasMaxLength(200);
        e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.ClaimToken).IsConcurrencyToken();
        e.HasIndex(d => d.WebhookId).IsUnique();
        e.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        e.HasIndex(d => new { d.State, d.NextAttemptAt });
        e.HasIndex(d => new { d.SubscriptionId, d.Subject, d.State });
        e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e)
    {
        e.ToTable("crm_webhook_attempts");
        e.Property(a => a.Error).HasMaxLength(500);
        e.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookAttempt.ExcerptLength);
        e.HasIndex(a => new { a.DeliveryId, a.At });
        e.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
