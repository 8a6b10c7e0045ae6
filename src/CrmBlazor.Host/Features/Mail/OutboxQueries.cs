using System.Text;
using System.Text.Json;
using CrmBlazor.Data.Outbox;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Mail;

/// <summary>
/// The read side of the outbox page (<c>/admin/outbox</c>): a page of messages newest first with the
/// number in each state, a message in full, and an attachment's bytes. Administrators only: every
/// method checks it again, whatever the page or endpoint did.
/// </summary>
public sealed class OutboxQueries(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, MailSettings mail)
{
    /// <summary>Whether a mail server is configured (<c>Mail:Smtp:Host</c>); without one, messages wait as not sent.</summary>
    public bool HasMailServer => mail.CanSend;

    /// <summary>The sender every message goes out with (<c>Mail:FromName</c> and <c>Mail:From</c>), or null when none is set.</summary>
    public string? Sender => mail.From is not { } from ? null : mail.FromName is { } name ? $"{name} <{from}>" : from;

    /// <summary>A page of messages, newest first, how many match, and how many match in each state.</summary>
    /// <param name="query">The state, the search and the page.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The current user is not an administrator.</exception>
    public async Task<OutboxListPage> PageAsync(OutboxListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        RefuseUnlessAdministrator();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Search(db.OutboxMessages.AsNoTracking(), query.Search);

        // The counts per state follow the search, not the state chosen, so that every chip says what choosing it would show.
        var counts = await matching.GroupBy(m => m.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
        var messages = query.State is { } state ? matching.Where(m => m.State == state) : matching;
        var total = query.State is { } chosen ? counts.GetValueOrDefault(chosen) : counts.Values.Sum();
        var rows = await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(m => new
            {
                m.Id,
                m.State,
                m.Kind,
                m.Owner,
                m.Recipients,
                m.Subject,
                m.CreatedAt,
                m.SentAt,
                m.NextAttemptAt,
                m.Attempts,
                m.LastError,
            })
            .ToListAsync(cancellationToken);

        return new OutboxListPage(
            [.. rows.Select(m => new OutboxRow(m.Id, m.State, m.Kind, m.Owner, OutboxRecipient.ListFrom(m.Recipients), m.Subject,
                m.CreatedAt, m.SentAt, m.NextAttemptAt, m.Attempts, m.LastError))],
            total,
            counts);
    }

    /// <summary>A message in full, with its attachments (without their bytes) and its attempts; null when there is none with this id.</summary>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The current user is not an administrator.</exception>
    public async Task<OutboxMessageView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        RefuseUnlessAdministrator();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var attachments = await db.OutboxAttachments.AsNoTracking()
            .Where(a => a.MessageId == id)
            .OrderBy(a => a.Position)
            .Select(a => new OutboxAttachmentRow(a.Id, a.FileName, a.ContentType, a.Content.Length))
            .ToListAsync(cancellationToken);
        var attempts = await db.OutboxAttempts.AsNoTracking()
            .Where(a => a.MessageId == id)
            .OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id)
            .Select(a => new OutboxAttemptRow(a.AttemptedAt, a.Outcome, a.ServerAnswer))
            .ToListAsync(cancellationToken);
        var customer = message.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new OutboxMessageView(
            message.Id,
            message.State,
            message.Kind,
            message.Owner,
            OutboxRecipient.ListFrom(message.Recipients),
            message.Subject,
            message.HtmlBody,
            message.TextBody,
            ExtraHeaders(message.Headers),
            message.MessageIdHeader,
            message.CustomerId,
            customer,
            message.CreatedAt,
            message.SentAt,
            message.NextAttemptAt,
            message.Attempts,
            message.LastError,
            message.RowVersion,
            attachments,
            attempts);
    }

    /// <summary>An attachment's file, or null when the message has no attachment with this id.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The current user is not an administrator.</exception>
    public async Task<OutboxAttachmentFile?> AttachmentAsync(Guid messageId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        RefuseUnlessAdministrator();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.MessageId == messageId)
            .Select(a => new OutboxAttachmentFile(a.FileName, a.ContentType, a.Content))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private void RefuseUnlessAdministrator()
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            throw new UnauthorizedAccessException("Only administrators can read the outbox.");
        }
    }

    // Every word must appear in the subject or among the recipients (addresses and names), in any case and
    // script. The recipients are JSON, which may hold a name's letters as \u escapes: each word is looked
    // for as written and as JSON writes it.
    private static IQueryable<OutboxMessage> Search(IQueryable<OutboxMessage> messages, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return messages;
        }

        foreach (var word in search.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = word.ToLowerInvariant();
            var escaped = JsonSerializer.Serialize(lower)[1..^1].ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL (lower(), instr/strpos), where no comparison overload exists.
            messages = messages.Where(m => m.Subject.ToLower().Contains(lower) || m.Recipients.ToLower().Contains(lower) || m.Recipients.ToLower().Contains(escaped));
#pragma warning restore CA1862
        }

        return messages;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText()))]
                : [];
        }
        catch (JsonException)
        {
            return [KeyValuePair.Create(string.Empty, json)];
        }
    }
}

/// <summary>What the outbox page lists.</summary>
/// <param name="State">Only messages in this state, or null for all.</param>
/// <param name="Search">Words that must each appear in the subject or the recipients (any script, any case), or null.</param>
/// <param name="Page">The page, from 0.</param>
/// <param name="PageSize">Messages per page.</param>
public sealed record OutboxListQuery(OutboxMessageState? State, string? Search, int Page, int PageSize);

/// <summary>A page of the outbox.</summary>
/// <param name="Items">The messages, newest first.</param>
/// <param name="Total">How many match the state and the search.</param>
/// <param name="Counts">How many match the search in each state (states without any are missing).</param>
public sealed record OutboxListPage(IReadOnlyList<OutboxRow> Items, int Total, IReadOnlyDictionary<OutboxMessageState, int> Counts);

/// <summary>A message as the outbox lists it.</summary>
/// <param name="Id">The message.</param>
/// <param name="State">Where it is on its way.</param>
/// <param name="Kind">Transactional or campaign.</param>
/// <param name="Owner">Who queued it: <c>crm</c> or a plugin id.</param>
/// <param name="Recipients">To whom.</param>
/// <param name="Subject">The subject.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="SentAt">When the mail server accepted it.</param>
/// <param name="NextAttemptAt">When it is tried again.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastError">The server's last answer, or why it was not sent.</param>
public sealed record OutboxRow(
    Guid Id, OutboxMessageState State, MessageKind Kind, string Owner, IReadOnlyList<OutboxRecipient> Recipients, string Subject,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, int Attempts, string? LastError);

/// <summary>A message in full.</summary>
/// <param name="Id">The message.</param>
/// <param name="State">Where it is on its way.</param>
/// <param name="Kind">Transactional or campaign.</param>
/// <param name="Owner">Who queued it.</param>
/// <param name="Recipients">To whom.</param>
/// <param name="Subject">The subject.</param>
/// <param name="HtmlBody">The HTML body, as queued.</param>
/// <param name="TextBody">The plain-text body, or null.</param>
/// <param name="Headers">The extra headers, in order (a name of "" holds headers that could not be read).</param>
/// <param name="MessageIdHeader">The <c>Message-ID</c>.</param>
/// <param name="CustomerId">The customer it concerns.</param>
/// <param name="CustomerName">That customer's name.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="SentAt">When the mail server accepted it.</param>
/// <param name="NextAttemptAt">When it is tried again.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastError">The server's last answer, or why it was not sent.</param>
/// <param name="RowVersion">The version shown.</param>
/// <param name="Attachments">The attachments, in order.</param>
/// <param name="AttemptLog">Each attempt, oldest first.</param>
public sealed record OutboxMessageView(
    Guid Id, OutboxMessageState State, MessageKind Kind, string Owner, IReadOnlyList<OutboxRecipient> Recipients, string Subject,
    string HtmlBody, string? TextBody, IReadOnlyList<KeyValuePair<string, string>> Headers, string MessageIdHeader,
    long? CustomerId, string? CustomerName, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt,
    int Attempts, string? LastError, Guid RowVersion, IReadOnlyList<OutboxAttachmentRow> Attachments, IReadOnlyList<OutboxAttemptRow> AttemptLog);

/// <summary>An attachment as the message page lists it.</summary>
/// <param name="Id">The attachment.</param>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record OutboxAttachmentRow(Guid Id, string FileName, string ContentType, long Length);

/// <summary>An attempt at delivering a message.</summary>
/// <param name="AttemptedAt">When.</param>
/// <param name="Outcome">One of <see cref="OutboxAttemptOutcomes"/>.</param>
/// <param name="ServerAnswer">The server's answer, or why it failed.</param>
public sealed record OutboxAttemptRow(DateTimeOffset AttemptedAt, string Outcome, string? ServerAnswer);

/// <summary>An attachment's file, for its download.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The MIME type as stored.</param>
/// <param name="Content">The bytes.</param>
public sealed record OutboxAttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>A recipient of a message.</summary>
/// <param name="Email">The address.</param>
/// <param name="Name">The name, or null.</param>
public sealed record OutboxRecipient(string Email, string? Name)
{
    /// <summary>The recipients stored with a message (a JSON array of <c>{ "email", "name" }</c>); what cannot be read is left out.</summary>
    /// <param name="json">The stored JSON.</param>
    public static IReadOnlyList<OutboxRecipient> ListFrom(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new OutboxRecipient(Text(e, "email") ?? string.Empty, Text(e, "name")))
                .Where(r => r.Email.Length > 0)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
