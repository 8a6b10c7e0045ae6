using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Opportunities;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using CrmBlazor.Sdk.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Customers;

/// <summary>A closed opportunity as the customer tab shows it.</summary>
/// <param name="Card">What the card shows (its closure says why it was closed).</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="DismissReason">Why a user dismissed it, or null.</param>
public sealed record ClosedOpportunity(OpportunityCard Card, DateTimeOffset ClosedAt, string? DismissReason);

/// <summary>What the customer tab shows.</summary>
/// <param name="Open">The open opportunities the reader may see, best score first.</param>
/// <param name="Closed">Those closed in the last year, newest first, at most <see cref="CustomerOpportunities.ClosedShown"/>.</param>
/// <param name="SeesAll">Whether the reader sees every opportunity of the customer (a manager, or its account manager).</param>
public sealed record CustomerOpportunityList(IReadOnlyList<OpportunityCard> Open, IReadOnlyList<ClosedOpportunity> Closed, bool SeesAll);

/// <summary>
/// A customer's opportunities for the tab on the customer page, narrowed to what the reader may see
/// (<see cref="UpsellAccess"/>): a staff member who neither manages the customer nor owns any of its
/// opportunities sees none.
/// </summary>
public sealed class CustomerOpportunities(IDbContextFactory<UpsellDbContext> contexts, UpsellAccess access, OpportunityService opportunities, ICustomerDirectory customers, TimeProvider clock)
{
    /// <summary>At most this many closed opportunities are shown (the pipeline's list has them all).</summary>
    public const int ClosedShown = 10;

    /// <summary>The customer's open opportunities and those closed in the last year that the reader may see.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<CustomerOpportunityList> ForCustomerAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = (await access.VisibleAsync(db.Opportunities.AsNoTracking(), cancellationToken)).Where(o => o.CustomerId == customerId);
        var since = clock.GetUtcNow().AddYears(-1);
        var open = await visible.Where(o => o.ClosedAt == null).OrderByDescending(o => o.Score).ThenByDescending(o => o.Id).Take(50).ToListAsync(cancellationToken);
        var closed = await visible.Where(o => o.ClosedAt != null && o.ClosedAt >= since).OrderByDescending(o => o.Id).Take(ClosedShown).ToListAsync(cancellationToken);
        var cards = (await opportunities.CardsAsync([.. open, .. closed], cancellationToken)).ToDictionary(c => c.Id);
        var seesAll = await access.CanManageAsync(cancellationToken)
            || ((await customers.GetManyAsync([customerId], cancellationToken)).TryGetValue(customerId, out var customer) && customer.OwnerUserId is { } manager && manager == access.UserId);
        return new CustomerOpportunityList(
            [.. open.Select(o => cards[o.Id])],
            [.. closed.OrderByDescending(o => o.ClosedAt!.Value.UtcTicks).Select(o => new ClosedOpportunity(cards[o.Id], o.ClosedAt!.Value, o.DismissReason))],
            seesAll);
    }
}
