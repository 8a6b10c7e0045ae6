using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>The key figures in a customer page's header.</summary>
/// <param name="Interactions">All interactions.</param>
/// <param name="InteractionsLastYear">Interactions in the last 365 days.</param>
/// <param name="OpenComplaints">Open complaints.</param>
/// <param name="OpenInquiries">Open inquiries.</param>
/// <param name="OwnerName">The account manager's name.</param>
/// <param name="Segments">Segments the customer is in (as of their last refresh).</param>
/// <param name="Figures">Plugins' figures: figure id → number or date.</param>
public sealed record CustomerFacts(
    int Interactions,
    int InteractionsLastYear,
    int OpenComplaints,
    int OpenInquiries,
    string? OwnerName,
    IReadOnlyList<(long Id, string Name)> Segments,
    IReadOnlyDictionary<string, (double? Number, DateTimeOffset? Date)> Figures)
{
    /// <summary>Loads the facts of a customer.</summary>
    /// <param name="db">The context.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="ownerUserId">The customer's account manager.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<CustomerFacts> LoadAsync(CrmDbContext db, long customerId, string? ownerUserId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var yearAgo = now.AddDays(-365);
        var counts = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId)
            .GroupBy(i => 1)
            .Select(g => new
            {
                All = g.Count(),
                LastYear = g.Count(i => i.OccurredAt >= yearAgo),
                Complaints = g.Count(i => i.Channel == InteractionChannel.Complaint && i.Status == InteractionStatus.Open),
                Inquiries = g.Count(i => i.Channel == InteractionChannel.Inquiry && i.Status == InteractionStatus.Open),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var owner = ownerUserId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == ownerUserId)
            .Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(cancellationToken);
        var segments = await db.SegmentMembers.AsNoTracking().Where(m => m.CustomerId == customerId)
            .Join(db.Segments, m => m.SegmentId, s => s.Id, (m, s) => new { s.Id, s.Name }).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var figures = await db.CustomerFigures.AsNoTracking().Where(f => f.CustomerId == customerId)
            .Select(f => new { f.FigureId, f.NumberValue, f.DateValue }).ToListAsync(cancellationToken);
        return new CustomerFacts(
            counts?.All ?? 0,
            counts?.LastYear ?? 0,
            counts?.Complaints ?? 0,
            counts?.Inquiries ?? 0,
            owner,
            [.. segments.Select(s => (s.Id, s.Name))],
            figures.ToDictionary(f => f.FigureId, f => (f.NumberValue, f.DateValue)));
    }
}
