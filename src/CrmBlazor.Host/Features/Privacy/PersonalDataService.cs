using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Data;
using CrmBlazor.Data.Audit;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Sends;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Privacy;

/// <summary>How an erasure ended: each part's account of what it did, or why nothing was erased.</summary>
/// <param name="Report">What the core and each plugin erased (empty when refused).</param>
/// <param name="Refusal">Why nothing was erased, or null.</param>
internal sealed record PersonalDataErasure(IReadOnlyList<string> Report, Problem? Refusal)
{
    /// <summary>Whether the personal data was erased.</summary>
    public bool Erased => Refusal is null;
}

/// <summary>
/// Exports everything the CRM holds about one person, from the core and every plugin, and erases it.
/// Both are recorded in the security log. Data of a plugin that is not loaded (removed, refused or
/// disabled, with its tables still in the database) cannot be read or erased without its code: the
/// export names such plugins under <c>pluginsNotIncluded</c>, and the erasure is refused until each is
/// loaded again or its data purged (docs/decisions/0015-plugins-installed-from-the-admin-page.md).
/// </summary>
internal sealed class PersonalDataService(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceScopeFactory scopes,
    PluginCatalog catalog,
    PluginData pluginData,
    SecurityLog securityLog,
    ICurrentUser currentUser,
    IAuthorizationService authorization,
    CurrentUser principal,
    TimeProvider clock)
{
    public async Task<JsonObject?> ExportAsync(long customerId, CancellationToken cancellationToken)
    {
        await DemandPrivacyPermissionAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var subject = await SubjectOfAsync(db, customer, cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Select(c => new { c.Id, c.Name, c.Role, c.Email, c.Phone, c.IsPrimary, c.IsArchived, c.CreatedAt }).ToListAsync(cancellationToken);
        var addresses = await db.CustomerAddresses.AsNoTracking().Where(a => a.CustomerId == customerId)
            .Select(a => new { Kind = a.Kind.ToString(), a.Street, a.City, a.PostalCode, a.Region, a.Country }).ToListAsync(cancellationToken);
        var tags = await db.Customers.Where(c => c.Id == customerId).SelectMany(c => c.Tags).Select(t => t.Name).ToListAsync(cancellationToken);
        var interactions = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId).OrderBy(i => i.OccurredAt)
            .Select(i => new { i.Id, Channel = i.Channel.ToString(), Direction = i.Direction.ToString(), i.OccurredAt, i.Subject, i.Body, i.Outcome, Status = i.Status.ToString() })
            .ToListAsync(cancellationToken);
        var timeline = await db.TimelineEntries.AsNoTracking().Where(t => t.CustomerId == customerId)
            .OrderBy(t => t.OccurredAt).Select(t => new { t.Kind, t.OccurredAt, t.Title, t.Summary }).ToListAsync(cancellationToken);
        var messages = await OutboxPersonalData.ExportAsync(db, customerId, subject.Emails, cancellationToken);
        var sends = await SendPersonalData.ExportAsync(db, customerId, cancellationToken);
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

        var notIncluded = UnloadedPluginData.NotIncluded(await pluginData.NotLoadedAsync(cancellationToken));
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
                    customer.Industry,
                    customer.Email,
                    customer.Phone,
                    customer.Website,
                    customer.Currency,
                    customer.Notes,
                    customer.CreatedAt,
                    customer.IsArchived,
                }, JsonSerializerOptions.Web),
                ["contacts"] = JsonSerializer.SerializeToNode(contacts, JsonSerializerOptions.Web),
                ["addresses"] = JsonSerializer.SerializeToNode(addresses, JsonSerializerOptions.Web),
                ["tags"] = JsonSerializer.SerializeToNode(tags, JsonSerializerOptions.Web),
                ["interactions"] = JsonSerializer.SerializeToNode(interactions, JsonSerializerOptions.Web),
                ["timeline"] = JsonSerializer.SerializeToNode(timeline, JsonSerializerOptions.Web),
                ["messages"] = JsonSerializer.SerializeToNode(messages, JsonSerializerOptions.Web),
                ["sends"] = JsonSerializer.SerializeToNode(sends, JsonSerializerOptions.Web),
            },
            ["plugins"] = plugins,
            ["pluginsNotIncluded"] = notIncluded,
        };
    }

    /// <summary>
    /// Erases the customer's personal data everywhere and returns each part's account of what it did;
    /// refused, with nothing erased, while a plugin that holds data is not loaded.
    /// </summary>
    public async Task<PersonalDataErasure> EraseAsync(long customerId, CancellationToken cancellationToken)
    {
        await DemandPrivacyPermissionAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new KeyNotFoundException($"Customer {customerId} does not exist.");

        // An erasure that reports success while a plugin's tables still hold the person would be a false
        // promise: refused until the plugin runs again or an administrator purges its data.
        var missing = await pluginData.NotLoadedAsync(cancellationToken);
        if (UnloadedPluginData.Refusal(missing) is { } refusal)
        {
            await securityLog.WriteAsync("personal-data-erasure-refused", currentUser.UserName, null,
                $"customer {customerId}: plugins not loaded: {string.Join(", ", missing.Select(m => m.PluginId))}");
            return new PersonalDataErasure([], refusal);
        }

        // Plugins first, while the core still knows the names and addresses they search for.
        var subject = await SubjectOfAsync(db, customer, cancellationToken);
        var report = new List<string>();
        foreach (var (ownerId, contributorType) in catalog.PersonalDataContributors)
        {
            await using var scope = scopes.CreateAsyncScope();
            var contributor = (IPersonalDataContributor)scope.ServiceProvider.GetRequiredService(contributorType);
            report.Add(ownerId + ": " + await contributor.EraseAsync(subject, cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        customer.Name = $"Erased customer {customer.Id}";
        customer.Email = null;
        customer.Phone = null;
        customer.Website = null;
        customer.Notes = null;
        customer.IsArchived = true;
        customer.UpdatedAt = clock.GetUtcNow();
        var contacts = await db.Contacts.Where(c => c.CustomerId == customerId).ToListAsync(cancellationToken);
        var interactions = await db.Interactions.Where(i => i.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            contact.Name = $"Erased contact {contact.Id}";
            contact.Email = null;
            contact.Phone = null;
            contact.Role = null;
            contact.IsArchived = true;
        }

        db.CustomerAddresses.RemoveRange(await db.CustomerAddresses.Where(a => a.CustomerId == customerId).ToListAsync(cancellationToken));
        foreach (var interaction in interactions)
        {
            interaction.Subject = $"{interaction.Channel} (erased)";
            interaction.Body = null;
            interaction.Outcome = null;
        }

        await EraseTimelineTextAsync(db, customerId, cancellationToken);
        var messages = await OutboxPersonalData.EraseAsync(db, customerId, subject, cancellationToken);
        var sends = await SendPersonalData.EraseAsync(db, customer, contacts, subject, cancellationToken);
        var redacted = await RedactStoredMentionsAsync(db, subject, cancellationToken);
        db.Publish(new CustomerErased(customerId));
        await db.SaveChangesAsync(cancellationToken);
        await db.SearchTerms.Where(t => t.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);

        // Earlier audit entries copied the personal data they changed; their values go too, the
        // record that a change happened (who, when, what kind) stays.
        var customerKey = customerId.ToString(CultureInfo.InvariantCulture);
        var contactKeys = contacts.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var interactionKeys = interactions.Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var addressCreated = "\"CustomerId\":{\"after\":" + customerKey + "}";
        var addressDeleted = "\"CustomerId\":{\"before\":" + customerKey + "}";
        await db.AuditEntries.Where(a => a.Owner == CrmDbContextOptions.CoreOwnerId
                && ((a.Entity == nameof(Customer) && a.EntityKey == customerKey)
                    || (a.Entity == nameof(Contact) && contactKeys.Contains(a.EntityKey))
                    || (a.Entity == nameof(Interaction) && interactionKeys.Contains(a.EntityKey))
                    || (a.Entity == nameof(CustomerAddress) && (a.Changes.Contains(addressCreated) || a.Changes.Contains(addressDeleted)))))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{\"erased\":true}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        report.Add("crm: customer, contacts, addresses and interaction texts anonymised; timeline titles and details, search entries and audit values removed; " +
            $"{messages} message(s) in the outbox emptied (those not sent yet cancelled); {sends} place(s) in sends anonymised; " +
            $"mentions removed from {redacted} stored event(s), job run(s) and audit entries of plugins.");
        await securityLog.WriteAsync("personal-data-erasure", currentUser.UserName, null, $"customer {customerId}");
        return new PersonalDataErasure(report, null);
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

    // Event payloads, job arguments and the audit log hold copies of what plugins stored, published or
    // queued (a note's text); mentions of the person are replaced wherever they occur in them. Also used
    // when a user's personal data is erased (UserAdministration). The caller saves.
    internal static async Task<int> RedactStoredMentionsAsync(CrmDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var mentions = PersonalDataRedaction.MentionsOf(subject);
        var events = new Dictionary<Guid, DomainEventRecord>();
        var runs = new Dictionary<Guid, JobRun>();
        var audits = new Dictionary<long, AuditEntry>();
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

            foreach (var audit in await db.AuditEntries.Where(a => a.Changes.Contains(spelling)).ToListAsync(cancellationToken))
            {
                audits[audit.Id] = audit;
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

        foreach (var audit in audits.Values)
        {
            audit.Changes = PersonalDataRedaction.RedactJson(audit.Changes, mentions);
        }

        return events.Count + runs.Count + audits.Count;
    }

    private static async Task<PersonalDataSubject> SubjectOfAsync(CrmDbContext db, Customer customer, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customer.Id).Select(c => new { c.Name, c.Email }).ToListAsync(cancellationToken);
        return new PersonalDataSubject(
            customer.Id,
            null,
            [customer.Name, .. contacts.Select(c => c.Name)],
            [.. new[] { customer.Email }.Concat(contacts.Select(c => c.Email)).OfType<string>().Distinct()]);
    }

    // Checked here as well as on the endpoint and the page: whoever calls the service, the rule holds.
    private async Task DemandPrivacyPermissionAsync()
    {
        if (!(await authorization.AuthorizeAsync(principal.Principal, CorePermissions.Privacy)).Succeeded)
        {
            throw new UnauthorizedAccessException("Exporting and erasing personal data needs the permission " + CorePermissions.Privacy + ".");
        }
    }
}
