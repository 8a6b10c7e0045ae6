using System.ComponentModel.DataAnnotations;
using CrmBlazor.Sdk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Sdk.Tests.Data;

/// <summary>The change pipeline's order and outcomes, on a real SQLite database (in memory, one per test).</summary>
public sealed class ChangePipelineTests : IDisposable
{
    private static readonly Problem Conflict = new("Someone else changed this note meanwhile. Nothing was saved: reload and try again.");

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public ChangePipelineTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Change_UserWithoutPermissionSendsInvalidInput_IsForbiddenBeforeTheInputIsValidated()
    {
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Allow(_ => Task.FromResult(false))
            .Validate(new NoteInput { Title = "" })
            .Create(() => new Note { Title = "" })
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task Change_InvalidInput_IsRefusedBeforeTheRecordIsLoaded()
    {
        var id = await AddNoteAsync("Call back");
        var loaded = false;
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Validate(new NoteInput { Title = "" })
            .Load(ct =>
            {
                loaded = true;
                return db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct);
            })
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(NoteInput.Title)));
        Assert.False(loaded);
    }

    [Fact]
    public async Task Change_RecordThatDoesNotExist_IsNotFound()
    {
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == 42, ct))
            .Apply(note => note.Title = "Never")
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Change_EditAtTheVersionTheUserSaw_IsSavedWithTheRecordsId()
    {
        var id = await AddNoteAsync("Call back");
        var seen = await VersionOfAsync(id);
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Validate(new NoteInput { Title = "Call back on Monday" })
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Expect(seen)
            .Apply(note => note.Title = "Call back on Monday")
            .SaveAsync(Conflict);

        Assert.Equal(ChangeResult.Saved(id), result);
        Assert.Equal("Call back on Monday", await TitleOfAsync(id));
    }

    [Fact]
    public async Task Change_VersionTheUserSawIsStale_IsAConflictAndChangesNothing()
    {
        var id = await AddNoteAsync("Call back");
        var seen = await VersionOfAsync(id);
        await RenameElsewhereAsync(id, "Call back today");
        var applied = false;
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Expect(seen)
            .Apply(note =>
            {
                applied = true;
                note.Title = "Call back on Monday";
            })
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.Equal(Conflict, Assert.Single(result.Messages));
        Assert.False(applied);
        Assert.Equal("Call back today", await TitleOfAsync(id));
    }

    [Fact]
    public async Task Change_SomeoneElseSavesBetweenLoadAndSave_IsAConflictAndKeepsTheirChange()
    {
        var id = await AddNoteAsync("Call back");
        var seen = await VersionOfAsync(id);
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Expect(seen)
            .Apply(async (note, ct) =>
            {
                await RenameElsewhereAsync(id, "Call back today");
                note.Title = "Call back on Monday";
                return null;
            })
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Conflict, result.Status);
        Assert.Equal(Conflict, Assert.Single(result.Messages));
        Assert.Equal("Call back today", await TitleOfAsync(id));
    }

    [Fact]
    public async Task Change_RuleRefusesAfterTheRecordWasChanged_SavesNothing()
    {
        var id = await AddNoteAsync("Call back");
        var refusal = new Problem("A locked note cannot be changed.");
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Apply(note => note.Title = "Call back on Monday")
            .Apply(note => ChangeResult.Invalid("", refusal))
            .SaveAsync(Conflict);

        Assert.Equal(refusal, Assert.Single(result.Messages));
        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Equal("Call back", await TitleOfAsync(id));
    }

    [Fact]
    public async Task Change_CheckOfTheRecordRefuses_ChangeIsNotApplied()
    {
        var id = await AddNoteAsync("Call back", isLocked: true);
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Check(note => note.IsLocked ? new Problem("A locked note cannot be changed.") : null)
            .Apply(note => note.Title = "Call back on Monday")
            .SaveAsync(Conflict);

        Assert.Equal("A locked note cannot be changed.", Assert.Single(result.For("")).Text);
        Assert.Equal("Call back", await TitleOfAsync(id));
    }

    [Fact]
    public async Task Change_PermissionOnTheRecordRefuses_IsForbiddenWithItsMessage()
    {
        var id = await AddNoteAsync("Call back");
        var notYours = new Problem("You may only change your own notes.");
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .AllowFor((note, _) => Task.FromResult(false), notYours)
            .Apply(note => note.Title = "Call back on Monday")
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Forbidden, result.Status);
        Assert.Equal(notYours, Assert.Single(result.Messages));
    }

    [Fact]
    public async Task Change_NewRecord_IsAddedAndReportsItsNewId()
    {
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Validate(new NoteInput { Title = "Send the offer" })
            .Create(() => new Note { Title = "" })
            .Apply(note => note.Title = "Send the offer")
            .SaveAsync(Conflict);

        Assert.True(result.Succeeded);
        Assert.Equal("Send the offer", await TitleOfAsync(result.Id!.Value));
    }

    [Fact]
    public async Task Change_Remove_DeletesTheRecord()
    {
        var id = await AddNoteAsync("Call back");
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Load(ct => db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct))
            .Expect(await VersionOfAsync(id))
            .Remove()
            .SaveAsync(Conflict);

        Assert.Equal(ChangeResult.Saved(id), result);
        await using var check = NewContext();
        Assert.False(await check.Notes.AnyAsync(n => n.Id == id));
    }

    [Fact]
    public async Task Change_WorkAfterTheSaveFails_RollsTheChangeBack()
    {
        await using var db = NewContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Change<Note>()
            .Create(() => new Note { Title = "Send the offer" })
            .AlsoSave((_, _) => throw new InvalidOperationException("The search index is unavailable."))
            .SaveAsync(Conflict));

        await using var check = NewContext();
        Assert.False(await check.Notes.AnyAsync());
    }

    [Fact]
    public async Task Change_WhatFollowsASavedChange_RunsAfterTheCommit()
    {
        string? seenElsewhere = null;
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Create(() => new Note { Title = "Send the offer" })
            .AlsoSave((_, _) => Task.CompletedTask)
            .Then(async (note, _) => seenElsewhere = await TitleOfAsync(note.Id))
            .SaveAsync(Conflict);

        Assert.True(result.Succeeded);
        Assert.Equal("Send the offer", seenElsewhere);
    }

    [Fact]
    public async Task Change_Refused_DoesNotRunWhatFollows()
    {
        var followed = false;
        await using var db = NewContext();

        var result = await db.Change<Note>()
            .Create(() => new Note { Title = "Send the offer" })
            .Check(_ => new Problem("Not today."))
            .Then((_, _) =>
            {
                followed = true;
                return Task.CompletedTask;
            })
            .SaveAsync(Conflict);

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.False(followed);
    }

    private NotesContext NewContext() => new(new DbContextOptionsBuilder<NotesContext>().UseSqlite(_connection).Options);

    private async Task<long> AddNoteAsync(string title, bool isLocked = false)
    {
        await using var db = NewContext();
        var note = new Note { Title = title, IsLocked = isLocked };
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        return note.Id;
    }

    private async Task<Guid> VersionOfAsync(long id)
    {
        await using var db = NewContext();
        return await db.Notes.Where(n => n.Id == id).Select(n => n.RowVersion).SingleAsync();
    }

    private async Task<string> TitleOfAsync(long id)
    {
        await using var db = NewContext();
        return await db.Notes.Where(n => n.Id == id).Select(n => n.Title).SingleAsync();
    }

    private async Task RenameElsewhereAsync(long id, string title)
    {
        await using var db = NewContext();
        (await db.Notes.SingleAsync(n => n.Id == id)).Title = title;
        await db.SaveChangesAsync();
    }

    public sealed class Note : IVersionedEntity
    {
        public long Id { get; set; }

        public required string Title { get; set; }

        public bool IsLocked { get; set; }

        public Guid RowVersion { get; set; }
    }

    public sealed class NoteInput
    {
        [Required]
        [StringLength(40)]
        public string Title { get; set; } = "";
    }

    // Versions its notes the way the host versions every context's IVersionedEntity (RowVersionInterceptor).
    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            foreach (var entry in ChangeTracker.Entries<IVersionedEntity>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            {
                entry.Entity.RowVersion = Guid.NewGuid();
            }

            return base.SaveChangesAsync(cancellationToken);
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Note>().Property(n => n.RowVersion).IsConcurrencyToken();
    }
}
