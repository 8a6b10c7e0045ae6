using CrmBlazor.Fixtures.Alpha.Data;
using CrmBlazor.Sdk.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Fixtures.Alpha.Features;

/// <summary>Adds notes, checking the permission on the server and publishing an event in the same transaction.</summary>
public sealed class NoteService(IDbContextFactory<AlphaDbContext> contexts, ICurrentUser user, TimeProvider clock)
{
    public async Task<Note> AddAsync(long customerId, string text, CancellationToken cancellationToken = default)
    {
        if (!await user.HasPermissionAsync(AlphaPlugin.ViewPermission, cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not add fixture notes.");
        }

        return await AddUncheckedAsync(customerId, text, cancellationToken);
    }

    internal async Task<Note> AddUncheckedAsync(long customerId, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var note = new Note { CustomerId = customerId, Text = text, CreatedAt = clock.GetUtcNow() };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        db.Publish(new NoteAdded(note.Id, customerId, text));
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }
}
