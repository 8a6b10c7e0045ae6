using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>
/// Opens plugins' follow-ups as complaints: open, owned by the given user, on the customer's timeline and
/// in the dashboard's open complaints; closed like any complaint (<see cref="InteractionService.SetResolvedAsync"/>),
/// whose outcome is the note. One per key: the unique <see cref="Interaction.FollowUpKey"/> decides between
/// two writers of the same key, and the loser returns the winner's.
/// </summary>
internal sealed class FollowUps(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock) : IFollowUps
{
    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 200;

    public async Task<long?> OpenAsync(FollowUpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Key);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Subject);
        if (request.Key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A follow-up key can be at most {MaxKeyLength} characters long.", nameof(request));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, request.Key, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken))
        {
            return null;
        }

        var interaction = new Interaction
        {
            CustomerId = request.CustomerId,
            Channel = InteractionChannel.Complaint,
            Direction = InteractionDirection.Inbound,
            Status = InteractionStatus.Open,
            OccurredAt = request.OccurredAt.ToUniversalTime(),
            Subject = Cut(request.Subject.Trim(), 300),
            Body = string.IsNullOrWhiteSpace(request.Body) ? null : Cut(request.Body.Trim(), 8000),
            OwnerUserId = request.OwnerUserId,
            CreatedAt = clock.GetUtcNow(),
            FollowUpKey = request.Key,
        };
        if (request.ContactId is { } contactId && await db.Contacts.AnyAsync(c => c.Id == contactId && c.CustomerId == request.CustomerId, cancellationToken))
        {
            interaction.Contacts.Add(new InteractionContact { ContactId = contactId });
        }

        db.Interactions.Add(interaction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer opened the same key first: theirs is the follow-up.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            return await FindAsync(again, request.Key, cancellationToken) ?? throw new InvalidOperationException("The follow-up could not be opened.");
        }

        db.Publish(new InteractionLogged(interaction.Id, interaction.CustomerId, interaction.Channel.ToString(), interaction.OccurredAt));
        await db.SaveChangesAsync(cancellationToken);
        await db.Customers.Where(c => c.Id == request.CustomerId && (c.LastInteractionAt == null || c.LastInteractionAt < interaction.OccurredAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, interaction.OccurredAt), cancellationToken);
        return interaction.Id;
    }

    public async Task<IReadOnlyDictionary<long, FollowUpState>> GetManyAsync(IReadOnlyCollection<long> followUpIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUpIds);
        if (followUpIds.Count == 0)
        {
            return new Dictionary<long, FollowUpState>();
        }

        var ids = followUpIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new FollowUpState(i.Id, i.Status != InteractionStatus.Resolved, i.Outcome, i.ResolvedAt, i.OwnerUserId))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    private static Task<long?> FindAsync(CrmDbContext db, string key, CancellationToken cancellationToken) =>
        db.Interactions.Where(i => i.FollowUpKey == key).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
