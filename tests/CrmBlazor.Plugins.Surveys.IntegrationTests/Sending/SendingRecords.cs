using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Sending;

/// <summary>A message in the host's outbox as its recipient would get it.</summary>
public sealed record QueuedMail(string Key, string Recipients, string Subject, string HtmlBody, long? ContactId)
{
    /// <summary>The token of the personal link in the message.</summary>
    public string Token => Regex.Match(HtmlBody, "/surveys/answer/([A-Za-z0-9_-]{43})").Groups[1].Value;

    /// <summary>The SHA-256 hash of <see cref="Token"/>, as an invitation stores it.</summary>
    public byte[] TokenHash => SHA256.HashData(Encoding.ASCII.GetBytes(Token));
}

/// <summary>What the host holds for the sending tests: segments of chosen customers, and the outbox.</summary>
public static class SendingRecords
{
    /// <summary>A segment whose members (as of its last refresh) are the customers given.</summary>
    public static Task<long> SegmentOfAsync(CrmHostFactory host, params long[] customerIds) => host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var segment = new Segment
        {
            Name = "Segment " + Guid.NewGuid().ToString("N")[..8],
            Definition = new SegmentDefinition().ToJson(),
            MemberCount = customerIds.Length,
            RefreshedAt = DateTimeOffset.UtcNow,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        db.SegmentMembers.AddRange(customerIds.Select(id => new SegmentMember { SegmentId = segment.Id, CustomerId = id }));
        await db.SaveChangesAsync();
        return segment.Id;
    });

    /// <summary>The outbox messages whose idempotency key starts with a prefix, oldest first.</summary>
    public static Task<List<QueuedMail>> MailsAsync(CrmHostFactory host, string keyPrefix) => host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(keyPrefix))
            .Select(m => new { m.IdempotencyKey, m.Recipients, m.Subject, m.HtmlBody, m.ContactId, m.CreatedAt }).ToListAsync();
        return rows.OrderBy(r => r.CreatedAt).Select(r => new QueuedMail(r.IdempotencyKey, r.Recipients, r.Subject, r.HtmlBody, r.ContactId)).ToList();
    });
}
