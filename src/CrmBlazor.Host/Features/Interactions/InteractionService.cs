using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>Logs interactions, changes them and resolves complaints and inquiries.</summary>
public sealed class InteractionService(
    IDbContextFactory<CrmDbContext> contexts,
    CustomerAccess access,
    CurrentUser currentUser,
    TimeProvider clock)
{
    private static readonly Problem InteractionConflict =
        new("Someone else changed this interaction while you were editing it. Nothing was saved: reload and try again.");

    /// <summary>Logs an interaction with a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="input">The interaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> LogAsync(long customerId, InteractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Change<Interaction>()
            .Validate(input)
            .Create(() => new Interaction { Subject = string.Empty, CustomerId = customerId, CreatedAt = now, CreatedByUserId = currentUser.UserId })
            .Check(async (_, ct) => await db.Customers.AnyAsync(c => c.Id == customerId, ct) ? null : ChangeResult.NotFound())

            // Logging an interaction is work with the customer, not a change of its record: anyone who may
            // edit customers may log interactions with any customer they can see.
            .AllowFor((_, _) => access.CanCreateAsync(currentUser.Principal))
            .Check((_, ct) => CheckContactsAsync(db, customerId, input, ct))
            .Apply(interaction => Apply(input, interaction, now))
            .AlsoSave(async (interaction, ct) =>
            {
                db.Publish(new InteractionLogged(interaction.Id, customerId, interaction.Channel.ToString(), interaction.OccurredAt));
                await db.SaveChangesAsync(ct);
                await TouchCustomerAsync(db, customerId, interaction.OccurredAt, ct);
            })
            .SaveAsync(InteractionConflict, cancellationToken);
    }

    /// <summary>Saves a user's edit of an interaction; refused if someone else changed it meanwhile.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="input">The values and the version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> UpdateAsync(long interactionId, InteractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Interaction>()
            .Validate(input)
            .Load(ct => db.Interactions.Include(i => i.Contacts).Include(i => i.Users).FirstOrDefaultAsync(i => i.Id == interactionId, ct))
            .AllowFor((interaction, ct) => CanChangeAsync(db, interaction, ct))
            .Check((interaction, ct) => CheckContactsAsync(db, interaction.CustomerId, input, ct))
            .Expect(input.RowVersion)
            .Apply(interaction => Apply(input, interaction, clock.GetUtcNow()))
            .AlsoSave((interaction, ct) => TouchCustomerAsync(db, interaction.CustomerId, interaction.OccurredAt, ct))
            .SaveAsync(InteractionConflict, cancellationToken);
    }

    /// <summary>Marks a complaint or inquiry resolved, or opens it again.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="resolved">True to resolve.</param>
    /// <param name="outcome">What was done, or null to keep the recorded outcome.</param>
    /// <param name="rowVersion">The version the user saw.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SetResolvedAsync(long interactionId, bool resolved, string? outcome, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Interaction>()
            .Load(ct => db.Interactions.FirstOrDefaultAsync(i => i.Id == interactionId, ct))
            .Check(interaction => Interaction.IsTracked(interaction.Channel) ? null : new Problem("Only complaints and inquiries can be resolved."))
            .AllowFor((interaction, ct) => CanChangeAsync(db, interaction, ct))
            .Check(_ => outcome is { Length: > 1000 }
                ? ChangeResult.Invalid(nameof(InteractionInput.Outcome), new Problem("The outcome can be at most 1000 characters long."))
                : UserText.Check(outcome, TextKind.SingleLine) is { } problem ? ChangeResult.Invalid(nameof(InteractionInput.Outcome), problem) : null)
            .Expect(rowVersion)
            .Apply(interaction =>
            {
                interaction.Status = resolved ? InteractionStatus.Resolved : InteractionStatus.Open;
                interaction.ResolvedAt = resolved ? clock.GetUtcNow() : null;
                if (!string.IsNullOrWhiteSpace(outcome))
                {
                    interaction.Outcome = outcome.Trim();
                }
            })
            .SaveAsync(new Problem("Someone else changed this interaction while you were looking at it. Nothing was saved: reload and try again."), cancellationToken);
    }

    private async Task<bool> CanChangeAsync(CrmDbContext db, Interaction interaction, CancellationToken cancellationToken)
    {
        // The author, the owner of a complaint and whoever may edit the customer may change it.
        if (interaction.CreatedByUserId == currentUser.UserId || interaction.OwnerUserId == currentUser.UserId)
        {
            return await access.CanCreateAsync(currentUser.Principal);
        }

        var ownerUserId = await db.Customers.Where(c => c.Id == interaction.CustomerId).Select(c => c.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
        return await access.CanEditAsync(currentUser.Principal, ownerUserId);
    }

    private static async Task<ChangeResult?> CheckContactsAsync(CrmDbContext db, long customerId, InteractionInput input, CancellationToken cancellationToken)
    {
        if (input.ContactIds.Count == 0)
        {
            return null;
        }

        var distinct = input.ContactIds.Distinct().ToList();
        var known = await db.Contacts.CountAsync(c => c.CustomerId == customerId && distinct.Contains(c.Id), cancellationToken);
        return known == distinct.Count ? null : ChangeResult.Invalid(nameof(input.ContactIds), new Problem("Choose contacts of this customer only."));
    }

    private static void Apply(InteractionInput input, Interaction interaction, DateTimeOffset now)
    {
        var tracked = Interaction.IsTracked(input.Channel);
        interaction.Channel = input.Channel;
        interaction.Direction = input.Channel == InteractionChannel.Note ? InteractionDirection.Internal : input.Direction;
        interaction.OccurredAt = input.OccurredAt.ToUniversalTime();
        interaction.Subject = input.Subject.Trim();
        interaction.Body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Trim();
        interaction.Outcome = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim();
        var status = tracked ? (input.Status == InteractionStatus.None ? InteractionStatus.Open : input.Status) : InteractionStatus.None;
        if (status != interaction.Status)
        {
            interaction.ResolvedAt = status == InteractionStatus.Resolved ? now : null;
        }

        interaction.Status = status;
        interaction.OwnerUserId = tracked ? (string.IsNullOrWhiteSpace(input.OwnerUserId) ? interaction.OwnerUserId ?? interaction.CreatedByUserId : input.OwnerUserId) : null;
        interaction.Contacts.RemoveAll(c => !input.ContactIds.Contains(c.ContactId));
        foreach (var contactId in input.ContactIds.Distinct().Where(id => interaction.Contacts.All(c => c.ContactId != id)))
        {
            interaction.Contacts.Add(new InteractionContact { ContactId = contactId });
        }

        interaction.Users.RemoveAll(u => !input.UserIds.Contains(u.UserId));
        foreach (var userId in input.UserIds.Distinct().Where(id => interaction.Users.All(u => u.UserId != id)))
        {
            interaction.Users.Add(new InteractionUser { UserId = userId });
        }
    }

    // The customer's last-interaction date is derived data: updated in place, without touching the
    // customer's row version, so logging a call never makes someone's edit of the customer conflict.
    private static Task TouchCustomerAsync(CrmDbContext db, long customerId, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.Id == customerId && (c.LastInteractionAt == null || c.LastInteractionAt < occurredAt))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastInteractionAt, occurredAt), cancellationToken);
}
