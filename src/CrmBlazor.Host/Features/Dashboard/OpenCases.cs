using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>An open complaint or inquiry.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="Channel">Complaint or inquiry.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="OccurredAt">When it came in.</param>
/// <param name="OwnerName">Who handles it, or null if nobody does.</param>
public sealed record OpenCase(long InteractionId, long CustomerId, string CustomerName, InteractionChannel Channel, string Subject, DateTimeOffset OccurredAt, string? OwnerName);

/// <summary>The complaints and inquiries still waiting for an answer: how many, and the oldest.</summary>
/// <param name="Complaints">Open complaints.</param>
/// <param name="Inquiries">Open inquiries.</param>
/// <param name="Oldest">The oldest open ones, oldest first.</param>
public sealed record OpenCaseSummary(int Complaints, int Inquiries, IReadOnlyList<OpenCase> Oldest)
{
    /// <summary>All open complaints and inquiries.</summary>
    public int Total => Complaints + Inquiries;

    /// <summary>Loads the counts and the oldest open cases (both served by the index on status, channel and date).</summary>
    /// <param name="db">The context.</param>
    /// <param name="oldest">How many of the oldest to list.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<OpenCaseSummary> LoadAsync(CrmDbContext db, int oldest = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = db.Interactions.AsNoTracking().Where(i => i.Status == InteractionStatus.Open);
        var counts = await open.GroupBy(i => i.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var cases = await (
            from i in open
            join c in db.Customers on i.CustomerId equals c.Id
            join u in db.Users on i.OwnerUserId equals u.Id into owners
            from owner in owners.DefaultIfEmpty()
            orderby i.OccurredAt, i.Id
            select new OpenCase(i.Id, c.Id, c.Name, i.Channel, i.Subject, i.OccurredAt, owner == null ? null : owner.DisplayName ?? owner.Email))
            .Take(oldest)
            .ToListAsync(cancellationToken);
        return new OpenCaseSummary(
            counts.Where(c => c.Channel == InteractionChannel.Complaint).Sum(c => c.Count),
            counts.Where(c => c.Channel != InteractionChannel.Complaint).Sum(c => c.Count),
            cases);
    }
}
