using System.Text.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Events;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;

/// <summary>The domain events the host stored (<c>crm_domain_events</c>), read back as the SDK's event records.</summary>
public static class StoredEvents
{
    /// <summary>Every stored event of a type, oldest first.</summary>
    /// <typeparam name="TEvent">An SDK event record; matched by its <see cref="DomainEventAttribute"/> name.</typeparam>
    /// <param name="host">The host.</param>
    public static Task<List<TEvent>> OfAsync<TEvent>(CrmHostFactory host)
        where TEvent : IDomainEvent => host.InScopeAsync(async services =>
    {
        var name = DomainEventAttribute.NameOf(typeof(TEvent));
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var payloads = await db.DomainEvents.AsNoTracking().Where(e => e.Name == name).OrderBy(e => e.OccurredAt).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).ToList();
    });
}
