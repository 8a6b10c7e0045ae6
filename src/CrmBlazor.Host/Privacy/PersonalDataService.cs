using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Privacy;

/// <summary>
/// Exports everything the CRM holds about one person, from the core and every plugin, and erases it.
/// Both are recorded in the security log.
/// </summary>
internal sealed class PersonalDataService(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceScopeFactory scopes,
    PluginCatalog catalog,
    SecurityLog securityLog,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<JsonObject?> ExportAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var subject = SubjectOf(customer);
        var timeline = await db.TimelineEntries.AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderBy(t => t.OccurredAt).Select(t => new { t.Kind, t.OccurredAt, t.Title, t.Summary }).ToListAsync(cancellationToken);
        var plugins = new JsonObject();
        foreach (var (ownerId, contributorType) in catalog.PersonalDataContributors)
        {
            await using var scope = scopes.CreateAsyncScope();
            var contributor = (IPersonalDataContributor)scope.ServiceProvider.GetRequiredService(contributorType);
            var data = await contributor.ExportAsync(subject, cancellationToken);
            if (data is not null)
            {
                plugins[ownerId] = JsonSerializer.SerializeToNode(data, data.GetType(), JsonSerializerOptions.Web);
            }
        }

        await securityLog.WriteAsync("personal-data-export", currentUser.UserName, null, $"customer {customerId}");
        return new JsonObject
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["subject"] = JsonSerializer.SerializeToNode(subject, JsonSerializerOptions.Web),
            ["core"] = new JsonObject
            {
                ["customer"] = JsonSerializer.SerializeToNode(new
                {
                    customer.Id,
                    Kind = customer.Kind.ToString(),
                    customer.Name,
                    customer.Email,
                    customer.Phone,
                    customer.Currency,
                    customer.CreatedAt,
                    customer.IsArchived,
                }, JsonSerializerOptions.Web),
                ["timeline"] = JsonSerializer.SerializeToNode(timeline, JsonSerializerOptions.Web),
            },
            ["plugins"] = plugins,
        };
    }

    /// <summary>Erases the customer's personal data everywhere; returns each part's account of what it did.</summary>
    public async Task<IReadOnlyList<string>> EraseAsync(long customerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new KeyNotFoundException($"Customer {customerId} does not exist.");

        // Plugins first, while the core still knows the names and addresses they search for.
        var subject = SubjectOf(customer);
        var report = new List<string>();
        foreach (var (ownerId, contributorType) in catalog.PersonalDataContributors)
        {
            await using var scope = scopes.CreateAsyncScope();
            var contributor = (IPersonalDataContributor)scope.ServiceProvider.GetRequiredService(contributorType);
            report.Add(ownerId + ": " + await contributor.EraseAsync(subject, cancellationToken));
        }

        customer.Name = $"Erased customer {customer.Id}";
        customer.Email = null;
        customer.Phone = null;
        customer.IsArchived = true;
        await EraseTimelineTextAsync(db, customerId, cancellationToken);
        var redacted = await RedactStoredMentionsAsync(db, subject, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        report.Add($"crm: name, e-mail and phone anonymised; timeline titles and details removed; mentions removed from {redacted} stored event(s) and job run(s).");
        await securityLog.WriteAsync("personal-data-erasure", currentUser.UserName, null, $"customer {customerId}");
        return report;
    }

    // Plugins write timeline titles and details as free text, which may name the person: each entry
    // keeps what happened and when (its kind's title), not the words.
    private async Task EraseTimelineTextAsync(CrmDbContext db, long customerId, CancellationToken cancellationToken)
    {
        var kindTitles = catalog.TimelineKinds.GroupBy(k => k.Kind.Id).ToDictionary(g => g.Key, g => g.First().Kind.Title, StringComparer.Ordinal);
        foreach (var entry in await db.TimelineEntries.Where(t => t.CustomerId == customerId).ToListAsync(cancellationToken))
        {
            entry.Title = kindTitles.GetValueOrDefault(entry.Kind, PersonalDataRedaction.Erased);
            entry.Summary = null;
        }
    }

    // Event payloads and job arguments are copies of what plugins published or queued (a note's text),
    // kept after delivery; mentions of the person are replaced wherever they occur in them.
    private static async Task<int> RedactStoredMentionsAsync(CrmDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var mentions = PersonalDataRedaction.MentionsOf(subject);
        var events = new Dictionary<Guid, DomainEventRecord>();
        var runs = new Dictionary<Guid, JobRun>();
        foreach (var spelling in PersonalDataRedaction.JsonSpellingsOf(mentions))
        {
            foreach (var stored in await db.DomainEvents.Where(e => e.Payload.Contains(spelling)).ToListAsync(cancellationToken))
            {
                events[stored.Id] = stored;
            }

            foreach (var run in await db.JobRuns.Where(r => r.Arguments!.Contains(spelling) || r.Message!.Contains(spelling)).ToListAsync(cancellationToken))
            {
                runs[run.Id] = run;
            }
        }

        foreach (var stored in events.Values)
        {
            stored.Payload = PersonalDataRedaction.RedactJson(stored.Payload, mentions);
        }

        foreach (var run in runs.Values)
        {
            run.Arguments = run.Arguments is null ? null : PersonalDataRedaction.RedactJson(run.Arguments, mentions);
            run.Message = PersonalDataRedaction.RedactText(run.Message, mentions);
        }

        return events.Count + runs.Count;
    }

    private static PersonalDataSubject SubjectOf(Features.Customers.Customer customer) =>
        new(customer.Id, null, [customer.Name], customer.Email is null ? [] : [customer.Email]);
}
