using Acme.Tickets.Data;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Acme.Tickets.Features;

/// <summary>Adds and lists entries. The permission is checked here, on the server, whatever the page shows.</summary>
public sealed class EntryService(IDbContextFactory<TicketsDbContext> contexts, ICurrentUser user, ICustomerDirectory customers, TimeProvider clock)
{
    /// <summary>Shown if the save fails for a reason the user can only retry.</summary>
    public const string ConflictMessage = "Nothing was saved. Try again.";

    /// <summary>Shown under the customer field when the customer chosen is gone or archived.</summary>
    public const string UnknownCustomerMessage = "Choose a customer from the list.";

    private static readonly Problem Conflict = new(ConflictMessage);

    /// <summary>
    /// Adds a new entry through the SDK's change pipeline: the permission, then the input (the customer
    /// must exist and not be archived), then the save; an entry about a customer publishes
    /// <see cref="TicketAdded"/> in the same transaction, which puts it on the customer's timeline.
    /// </summary>
    /// <param name="input">The form's values.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns><c>Saved</c> with the entry's id, or why not (<c>Forbidden</c>, <c>Invalid</c> with messages per field).</returns>
    public async Task<ChangeResult> AddAsync(EntryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Entry>()
            .Allow(ct => user.HasPermissionAsync(TicketsPlugin.UsePermission, ct))
            .Validate(input, async (errors, ct) =>
            {
                if (input.CustomerId is { } customerId && await customers.GetAsync(customerId, ct) is null or { IsArchived: true })
                {
                    errors[nameof(EntryInput.CustomerId)] = [new Problem(UnknownCustomerMessage)];
                }
            })
            .Create(() => new Entry { Title = string.Empty, CreatedAt = clock.GetUtcNow() })
            .Apply(entry =>
            {
                entry.Title = input.Title!.Trim();
                entry.CustomerId = input.CustomerId;
            })
            .AlsoSave((entry, ct) =>
            {
                // After the insert, so the event carries the entry's id; committed with it or not at all.
                if (entry.CustomerId is { } customerId)
                {
                    db.Publish(new TicketAdded(entry.Id, customerId, entry.Title));
                }

                return db.SaveChangesAsync(ct);
            })
            .SaveAsync(Conflict, cancellationToken);
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
