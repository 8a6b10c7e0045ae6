using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;

/// <summary>A message in the host's outbox as its recipient would get it.</summary>
public sealed record QueuedMail(string Key, string Recipients, string Subject, string HtmlBody);

/// <summary>What the host stored for the plugin: domain events (<c>crm_domain_events</c>) and outbox messages (<c>crm_outbox_messages</c>).</summary>
public static class HostRecords
{
    /// <summary>Every stored event of a type, oldest first, read back as the SDK's record.</summary>
    /// <typeparam name="TEvent">An SDK event record; matched by its <see cref="DomainEventAttribute"/> name.</typeparam>
    /// <param name="host">The host.</param>
    public static Task<List<TEvent>> EventsAsync<TEvent>(CrmHostFactory host)
        where TEvent : IDomainEvent => host.InScopeAsync(async services =>
    {
        var name = DomainEventAttribute.NameOf(typeof(TEvent));
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var payloads = await db.DomainEvents.AsNoTracking().Where(e => e.Name == name).OrderBy(e => e.OccurredAt).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).ToList();
    });

    /// <summary>The outbox messages whose idempotency key starts with a prefix, oldest first.</summary>
    /// <param name="host">The host.</param>
    /// <param name="keyPrefix">The start of the keys, such as <c>resources:overbooked:17:</c>.</param>
    public static Task<List<QueuedMail>> MailsAsync(CrmHostFactory host, string keyPrefix) => host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(keyPrefix))
            .Select(m => new { m.IdempotencyKey, m.Recipients, m.Subject, m.HtmlBody, m.CreatedAt }).ToListAsync();
        return rows.OrderBy(r => r.CreatedAt).Select(r => new QueuedMail(r.IdempotencyKey, r.Recipients, r.Subject, r.HtmlBody)).ToList();
    });
}
