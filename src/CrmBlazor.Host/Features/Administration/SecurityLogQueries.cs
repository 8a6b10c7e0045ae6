using CrmBlazor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>The read side of the security log (<c>crm_security_events</c>, written by <see cref="Identity.SecurityLog"/>), for its page.</summary>
public sealed class SecurityLogQueries(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>A page of security events, newest first, and how many there are in all.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Events per page.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<(IReadOnlyList<SecurityEvent> Items, int Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.SecurityEvents.AsNoTracking();
        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }
}
