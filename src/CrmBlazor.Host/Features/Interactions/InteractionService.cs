using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>Logs interactions, changes them and resolves complaints and inquiries.</summary>
public sealed class InteractionService(
    IDbContextFactory<CrmDbContext> contexts,
    CustomerAccess access,
    CurrentUser currentUser,
    TimeProvider clock)
{
    /// <summary>Logs an interaction with a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="input">The interaction.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> LogAsync(long customerId, InteractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.OwnerUserId }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return ChangeResult.NotFound();
        }

        // Logging an interaction is work with the customer, not a change of its record: anyone who may
        // edit customers may log interactions with any customer they can see.
        if (!await access.CanCreateAsync(currentUser.Principal))
        {
            return ChangeResult.Forbidden();
        }

        if (await UnknownContactAsync(db, customerId, input.ContactIds, cancellationToken))
        {
            return ChangeResult.Invalid(nameof(input.ContactIds), new Problem("Choose contacts of this customer only."));
        }

        var now = clock.GetUtcNow();
        var interaction = new Interaction { Subject = string.Empty, CustomerId = customerId, CreatedAt = now, CreatedByUserId = currentUser.UserId };
        Apply(input, interaction, now);
        db.Interactions.Add(interaction);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Publish(new InteractionLogged(interaction.Id, customerId, interaction.Channel.ToString(), interaction.OccurredAt));
        await db.SaveChangesAsync(cancellationToken);
        await TouchCustomerAsync(db, customerId, interaction.OccurredAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult.Saved(interaction.Id);
    }

    /// <summary>Saves a user's edit of an interaction; refused if someone else changed it meanwhile.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="input">The values and the version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> UpdateAsync(long interactionId, InteractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var interaction = await db.Interactions.Include(i => i.Contacts).Include(i => i.Users)
            .FirstOrDefaultAsync(i => i.Id == interactionId, cancellationToken);
        if (interaction is null)
        {
            return ChangeResult.NotFound();
        }

        if (!await CanChangeAsync(db, interaction, cancellationToken))
        {
            return ChangeResult.Forbidden();
        }

        if (await UnknownContactAsync(db, interaction.CustomerId, input.ContactIds, cancellationToken))
        {
            return ChangeResult.Invalid(nameof(input.ContactIds), new Problem("Choose contacts of this customer only."));
        }

        db.Entry(interaction).Property(i => i.RowVersion).OriginalValue = input.RowVersion;
        Apply(input, interaction, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict(new Problem("Someone else changed this interaction while you were editing it. Nothing was saved: reload and try again."));
        }

        await TouchCustomerAsync(db, interaction.CustomerId, interaction.OccurredAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult.Saved(interaction.Id);
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
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == interactionId, cancellationToken);
        if (interaction is null)
        {
            return ChangeResult.NotFound();
        }

        if (!Interaction.IsTracked(interaction.Channel))
        {
            return ChangeResult.Invalid("", new Problem("Only complaints and inquiries can be resolved."));
        }

        if (!await CanChangeAsync(db, interaction, cancellationToken))
        {
            return ChangeResult.Forbidden();
        }

        if (outcome is { Length: > 1000 })
        {
            return ChangeResult.Invalid(nameof(InteractionInput.Outcome), new Problem("The outcome can be at most 1000 characters long."));
        }

        if (UserText.Check(outcome, TextKind.SingleLine) is { } problem)
        {
            return ChangeResult.Invalid(nameof(InteractionInput.Outcome), problem);
        }

        db.Entry(interaction).Property(i => i.RowVersion).OriginalValue = rowVersion;
        interaction.Status = resolved ? InteractionStatus.Resolved : InteractionStatus.Open;
        interaction.ResolvedAt = resolved ? clock.GetUtcNow() : null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            interaction.Outcome = outcome.Trim();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict(new Problem("Someone else changed this interaction while you were looking at it. Nothing was saved: reload and try again."));
        }

        return ChangeResult.Saved(interaction.Id);
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

    private static async Task<bool> UnknownContactAsync(CrmDbContext db, long customerId, List<long> contactIds, CancellationToken cancellationToken)
    {
        if (contactIds.Count == 0)
        {
            return false;
        }

        var distinct = contactIds.Distinct().ToList();
        var known = await db.Contacts.CountAsync(c => c.CustomerId == customerId && distinct.Contains(c.Id), cancellationToken);
        return known != distinct.Count;
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
