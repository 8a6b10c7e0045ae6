using Acme.Tickets.Data;
using CrmBlazor.Sdk.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Acme.Tickets.Features;

/// <summary>Adds and lists entries. The permission is checked here, on the server, whatever the page shows.</summary>
public sealed class EntryService(IDbContextFactory<TicketsDbContext> contexts, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Validates and saves a new entry.</summary>
    /// <param name="input">The form's values.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<ChangeResult> AddAsync(EntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await user.HasPermissionAsync(TicketsPlugin.UsePermission, cancellationToken))
        {
            return ChangeResult.Forbidden();
        }

        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = new Entry { Title = input.Title!.Trim(), CustomerId = input.CustomerId, CreatedAt = clock.GetUtcNow() };
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved(entry.Id);
    }

    /// <summary>The newest entries, of one customer or of all.</summary>
    /// <param name="customerId">The customer, or null for every entry.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user lacks the permission.</exception>
    public async Task<IReadOnlyList<Entry>> ListAsync(long? customerId = null, CancellationToken cancellationToken = default)
    {
        if (!await user.HasPermissionAsync(TicketsPlugin.UsePermission, cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see these entries.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Entries.AsNoTracking();
        if (customerId is { } id)
        {
            entries = entries.Where(e => e.CustomerId == id);
        }

        return await entries.OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
    }
}
