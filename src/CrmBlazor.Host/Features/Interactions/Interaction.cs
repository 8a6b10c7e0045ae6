using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>How an interaction reached or left the firm.</summary>
public enum InteractionChannel
{
    /// <summary>A phone call.</summary>
    Call,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A meeting, in person or online.</summary>
    Meeting,

    /// <summary>An internal note.</summary>
    Note,

    /// <summary>A complaint, tracked until resolved.</summary>
    Complaint,

    /// <summary>An inquiry, tracked until answered.</summary>
    Inquiry,

    /// <summary>A form filled in on the web site.</summary>
    WebForm,

    /// <summary>A visit to a shop or office.</summary>
    InStoreVisit,
}

/// <summary>Who started the interaction.</summary>
public enum InteractionDirection
{
    /// <summary>The customer contacted the firm.</summary>
    Inbound,

    /// <summary>The firm contacted the customer.</summary>
    Outbound,

    /// <summary>Within the firm (notes).</summary>
    Internal,
}

/// <summary>Whether a complaint or inquiry still needs work.</summary>
public enum InteractionStatus
{
    /// <summary>Not tracked (calls, e-mails, meetings, notes, visits).</summary>
    None,

    /// <summary>Waiting for an answer or fix.</summary>
    Open,

    /// <summary>Answered or fixed.</summary>
    Resolved,
}

/// <summary>Something that happened between the firm and a customer.</summary>
public sealed class Interaction : IVersionedEntity
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }

    /// <summary>The channel.</summary>
    public InteractionChannel Channel { get; set; }

    /// <summary>Inbound, outbound or internal.</summary>
    public InteractionDirection Direction { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>One line summary.</summary>
    public required string Subject { get; set; }

    /// <summary>Details.</summary>
    public string? Body { get; set; }

    /// <summary>What came of it.</summary>
    public string? Outcome { get; set; }

    /// <summary>Open or resolved, for complaints and inquiries.</summary>
    public InteractionStatus Status { get; set; }

    /// <summary>Who handles a complaint or inquiry (a user id).</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>When it was resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who logged it (a user id).</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>When it was logged.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The key of a follow-up a plugin opened (<c>IFollowUps</c>), unique, so that opening it again
    /// finds this one; null for interactions people log.
    /// </summary>
    public string? FollowUpKey { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>The customer's contacts involved.</summary>
    public List<InteractionContact> Contacts { get; } = [];

    /// <summary>The firm's users involved.</summary>
    public List<InteractionUser> Users { get; } = [];

    /// <summary>Whether the channel is tracked with a status.</summary>
    /// <param name="channel">The channel.</param>
    public static bool IsTracked(InteractionChannel channel) => channel is InteractionChannel.Complaint or InteractionChannel.Inquiry;
}

/// <summary>A contact involved in an interaction.</summary>
public sealed class InteractionContact
{
    /// <summary>The interaction.</summary>
    public long InteractionId { get; set; }

    /// <summary>The contact.</summary>
    public long ContactId { get; set; }
}

/// <summary>A user of the firm involved in an interaction.</summary>
public sealed class InteractionUser
{
    /// <summary>The interaction.</summary>
    public long InteractionId { get; set; }

    /// <summary>The user id.</summary>
    public required string UserId { get; set; }
}
