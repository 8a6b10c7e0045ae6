using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Testing;

/// <summary>Builds an interaction of a customer and stores it through the host's own context.</summary>
/// <example><code>await new InteractionBuilder(customer.Id).Complaint().At(when).OpenFor(userId).SaveAsync(host);</code></example>
/// <param name="customerId">The customer.</param>
public sealed class InteractionBuilder(long customerId)
{
    private InteractionChannel _channel = InteractionChannel.Call;
    private DateTimeOffset _occurredAt = DateTimeOffset.UtcNow;
    private InteractionStatus _status = InteractionStatus.None;
    private string? _ownerUserId;
    private string _subject = "Interaction " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Sets the channel (a call otherwise).</summary>
    /// <param name="channel">The channel.</param>
    public InteractionBuilder By(InteractionChannel channel)
    {
        _channel = channel;
        _status = Interaction.IsTracked(channel) ? InteractionStatus.Open : InteractionStatus.None;
        return this;
    }

    /// <summary>Makes it an open complaint.</summary>
    public InteractionBuilder Complaint() => By(InteractionChannel.Complaint);

    /// <summary>Makes it an open inquiry.</summary>
    public InteractionBuilder Inquiry() => By(InteractionChannel.Inquiry);

    /// <summary>Sets when it happened (now otherwise).</summary>
    /// <param name="occurredAt">When.</param>
    public InteractionBuilder At(DateTimeOffset occurredAt)
    {
        _occurredAt = occurredAt;
        return this;
    }

    /// <summary>Gives a complaint or inquiry to a user to handle.</summary>
    /// <param name="userId">The user id.</param>
    public InteractionBuilder HandledBy(string userId)
    {
        _ownerUserId = userId;
        return this;
    }

    /// <summary>Marks a complaint or inquiry resolved.</summary>
    public InteractionBuilder Resolved()
    {
        _status = InteractionStatus.Resolved;
        return this;
    }

    /// <summary>Sets the subject (a unique one otherwise).</summary>
    /// <param name="subject">The subject.</param>
    public InteractionBuilder About(string subject)
    {
        _subject = subject;
        return this;
    }

    /// <summary>Stores the interaction and returns it as stored.</summary>
    /// <param name="host">The host.</param>
    public Task<Interaction> SaveAsync(CrmHostFactory host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var interaction = new Interaction
            {
                CustomerId = customerId,
                Channel = _channel,
                Direction = InteractionDirection.Inbound,
                OccurredAt = _occurredAt,
                Subject = _subject,
                Status = _status,
                OwnerUserId = _ownerUserId,
                CreatedAt = _occurredAt,
            };
            db.Interactions.Add(interaction);
            await db.SaveChangesAsync();
            return interaction;
        });
    }
}
