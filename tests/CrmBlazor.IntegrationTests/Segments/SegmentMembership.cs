using CrmBlazor.Host.Data;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>Reads a segment's stored membership, as the customer list and plugins' audiences see it.</summary>
public static class SegmentMembership
{
    /// <summary>The members of a segment, by id.</summary>
    /// <param name="host">The host.</param>
    /// <param name="segmentId">The segment.</param>
    public static Task<long[]> OfAsync(CrmHostFactory host, long segmentId)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            return await db.SegmentMembers.Where(m => m.SegmentId == segmentId).OrderBy(m => m.CustomerId).Select(m => m.CustomerId).ToArrayAsync();
        });
    }

    /// <summary>
    /// Which of the given customers are members. Tests share a database, so a rule like "is not
    /// empty" also finds other tests' customers; each test asks about its own.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="customers">The test's customers.</param>
    public static async Task<long[]> AmongAsync(CrmHostFactory host, long segmentId, params long[] customers) =>
        [.. (await OfAsync(host, segmentId)).Intersect(customers).Order()];
}
