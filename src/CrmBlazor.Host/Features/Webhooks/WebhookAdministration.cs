using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Results;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Webhooks;

/// <summary>A subscription as the admin page edits it.</summary>
/// <param name="Url">The URL.</param>
/// <param name="Description">The description.</param>
/// <param name="EventTypes">The subscribed types.</param>
/// <param name="Enabled">Whether it is enabled.</param>
/// <param name="RowVersion">The version the page loaded, or empty for a new one.</param>
public sealed record WebhookInput(string Url, string? Description, IReadOnlyCollection<string> EventTypes, bool Enabled, Guid RowVersion);

/// <summary>A delivery in a subscription's log.</summary>
public sealed record WebhookDeliveryRow(long Id, string EventType, string WebhookId, string Subject, DateTimeOffset CreatedAt, WebhookDeliveryState State, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatus, string? LastError, int? LastDurationMs, string? LastExcerpt);

/// <summary>
/// What administrators do on <c>/admin/webhooks</c>: subscribe URLs, rotate secrets, send test events and
/// redeliver. Each checks on the server that the current user is an administrator; edits expect the
/// version the page loaded.
/// </summary>
public sealed class WebhookAdministration(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    WebhookSettings settings,
    PluginCatalog catalog,
    WebhookQueue queue,
    TimeProvider clock)
{
    /// <summary>The type of the test event.</summary>
    public const string TestEventType = "webhook.test";

    internal static readonly Problem OnlyAdministrators = new("Only administrators can manage webhooks.");

    private static readonly Problem Changed = new("Someone else changed this webhook meanwhile. Nothing was saved: reload and try again.");

    /// <summary>The event types on offer, by owner.</summary>
    public IReadOnlyList<WebhookEventRegistration> EventTypes => [.. catalog.Active.SelectMany(a => a.Contributions.WebhookEvents).OrderBy(w => w.OwnerId == "crm" ? "" : w.OwnerId).ThenBy(w => w.Type, StringComparer.Ordinal)];

    /// <summary>Every subscription.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>One subscription, or null.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<WebhookSubscription?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Creates (id null) or changes a subscription; the URL is checked against <c>Webhooks:AllowPrivateTargets</c>.</summary>
    /// <param name="id">The subscription, or null for a new one.</param>
    /// <param name="input">The values.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SaveAsync(long? id, WebhookInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return ChangeResult.Forbidden(OnlyAdministrators);
        }

        var errors = new Dictionary<string, Problem[]>();
        var url = input.Url?.Trim() ?? "";
        if (url.Length > WebhookSubscription.UrlLength)
        {
            errors[nameof(WebhookInput.Url)] = [new Problem("The address is longer than {0} characters.", WebhookSubscription.UrlLength)];
        }
        else if (await WebhookTargets.ProblemAsync(url, settings.AllowPrivateTargets, cancellationToken) is { } problem)
        {
            errors[nameof(WebhookInput.Url)] = [new Problem(problem)];
        }

        var known = EventTypes.Select(w => w.Type).ToHashSet(StringComparer.Ordinal);
        var types = (input.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0)
        {
            errors[nameof(WebhookInput.EventTypes)] = [new Problem("Choose at least one event.")];
        }
        else if (types.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
        {
            errors[nameof(WebhookInput.EventTypes)] = [new Problem("There is no event {0}.", unknown)];
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > WebhookSubscription.DescriptionLength)
        {
            errors[nameof(WebhookInput.Description)] = [new Problem("The description is longer than {0} characters.", WebhookSubscription.DescriptionLength)];
        }

        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        WebhookSubscription subscription;
        if (id is null)
        {
            subscription = new WebhookSubscription
            {
                Url = url,
                EventTypes = "",
                Secret = WebhookSignature.NewSecret(),
                OwnerUserId = currentUser.UserId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.WebhookSubscriptions.Add(subscription);
        }
        else
        {
            var found = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (found is null)
            {
                return ChangeResult.NotFound();
            }

            subscription = found;
            db.Entry(subscription).Property(s => s.RowVersion).OriginalValue = input.RowVersion;
        }

        subscription.Url = url;
        subscription.Description = description;
        subscription.EventTypes = string.Join(' ', types.Order(StringComparer.Ordinal));
        if (input.Enabled && !subscription.Enabled)
        {
            subscription.FailingSince = null;
            subscription.DisabledReason = null;
        }

        subscription.Enabled = input.Enabled;
        return await SaveAsync(db, subscription, cancellationToken);
    }

    /// <summary>Gives the subscription a new secret; deliveries are signed with it from then on.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="rowVersion">The version the page loaded.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RotateSecretAsync(long id, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return ChangeResult.Forbidden(OnlyAdministrators);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return ChangeResult.NotFound();
        }

        db.Entry(subscription).Property(s => s.RowVersion).OriginalValue = rowVersion;
        subscription.Secret = WebhookSignature.NewSecret();
        return await SaveAsync(db, subscription, cancellationToken);
    }

    /// <summary>Queues a <c>webhook.test</c> delivery to the subscription.</summary>
    /// <param name="id">The subscription.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SendTestAsync(long id, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return ChangeResult.Forbidden(OnlyAdministrators);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return ChangeResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        db.WebhookDeliveries.Add(WebhookFanOut<Sdk.Customers.CustomerCreated>.NewDelivery(id, eventId, TestEventType, "test:" + eventId.ToString("N"), new { subscriptionId = id }, now, now));
        await db.SaveChangesAsync(cancellationToken);
        queue.QueueSending(id);
        return ChangeResult.Saved(id);
    }

    /// <summary>Sends a delivery again (delivered or failed ones too), with its <c>webhook-id</c> and a new series of retries.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RedeliverAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return ChangeResult.Forbidden(OnlyAdministrators);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return ChangeResult.NotFound();
        }

        delivery.State = WebhookDeliveryState.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow();
        delivery.DeliveredAt = null;
        delivery.ClaimToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict(new Problem("This delivery changed meanwhile. Reload and try again."));
        }

        queue.QueueSending(delivery.SubscriptionId);
        return ChangeResult.Saved(deliveryId);
    }

    /// <summary>A page of the subscription's deliveries, newest first, with their last attempt.</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Deliveries per page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(IReadOnlyList<WebhookDeliveryRow> Rows, int Total)> DeliveriesAsync(long subscriptionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return ([], 0);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(d => new
            {
                d,
                Last = db.WebhookAttempts.Where(a => a.DeliveryId == d.Id).OrderByDescending(a => a.Id).Select(a => new { a.StatusCode, a.Error, a.DurationMs, a.ResponseExcerpt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new WebhookDeliveryRow(r.d.Id, r.d.EventType, r.d.WebhookId, r.d.Subject, r.d.CreatedAt, r.d.State, r.d.Attempts, r.d.NextAttemptAt,
            r.Last?.StatusCode, r.Last?.Error, r.Last?.DurationMs, r.Last?.ResponseExcerpt))], total);
    }

    private static async Task<ChangeResult> SaveAsync(CrmDbContext db, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult.Conflict(Changed);
        }

        return ChangeResult.Saved(subscription.Id);
    }
}
