using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Privacy;

/// <summary>
/// A user's part of the plugin in the export and the erasure of their personal data (users page): the
/// opportunities they own, closed or are the account manager of, and the dismiss reasons they wrote. The
/// erasure keeps the opportunities (the work and the conversion figures stay, under the anonymised account),
/// gives the open ones they own back to no one, so a manager hands them on, and replaces the user's names
/// and e-mail addresses in every dismiss reason. Runs for the host's erasure, which administrators start for
/// a deactivated user only.
/// </summary>
public sealed class UpsellStaffData(IDbContextFactory<UpsellDbContext> contexts) : IStaffPersonalDataContributor
{
    /// <inheritdoc />
    public async Task<object?> ExportAsync(StaffDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var me = subject.UserId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerUserId == me || o.ClosedByUserId == me || o.AccountManagerUserId == me)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        return new
        {
            Opportunities = rows.Select(o => new
            {
                o.Id,
                o.CustomerId,
                o.RuleId,
                Stage = o.Stage.ToString(),
                ClosedBecause = o.ClosedBecause?.ToString(),
                Owner = o.OwnerUserId == me,
                AccountManager = o.AccountManagerUserId == me,
                ClosedByThem = o.ClosedByUserId == me,
                o.OpenedAt,
                o.ClosedAt,
                DismissReasonTheyWrote = o.ClosedByUserId == me ? o.DismissReason : null,
            }),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(StaffDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var me = subject.UserId;
        var mentions = Mentions.Of(subject.Names.Concat(subject.Emails));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var handedBack = await db.Opportunities.Where(o => o.OwnerUserId == me && o.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.OwnerUserId, (string?)null).SetProperty(o => o.RowVersion, Guid.NewGuid()), cancellationToken);
        var reasons = 0;
        if (mentions.Count > 0)
        {
            // Names are matched in memory (case-insensitively, in any script); only dismissed ones have a reason.
            foreach (var opportunity in await db.Opportunities.Where(o => o.DismissReason != null).ToListAsync(cancellationToken))
            {
                var redacted = Mentions.Redact(opportunity.DismissReason!, mentions, subject.AnonymousName);
                if (!string.Equals(redacted, opportunity.DismissReason, StringComparison.Ordinal))
                {
                    opportunity.DismissReason = redacted;
                    opportunity.RowVersion = Guid.NewGuid();
                    reasons++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return $"{handedBack} open opportunities they owned now have no owner, and their name was replaced in {reasons} dismiss reason(s); " +
            "the opportunities stay under the anonymous account, so the pipeline and the rules' conversion figures hold.";
    }
}
