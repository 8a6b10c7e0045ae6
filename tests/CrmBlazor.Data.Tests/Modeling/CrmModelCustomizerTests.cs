using CrmBlazor.Data.Outbox;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CrmBlazor.Data.Tests.Modeling;

/// <summary>The conventions every CRM context gets from <c>UseCrmDatabase</c>, read from the model EF Core builds.</summary>
public sealed class CrmModelCustomizerTests
{
    private const string PluginId = "field-notes";

    [Fact]
    public void Tables_PluginContext_GetThePluginPrefix()
    {
        using var context = NotesContext.For(DatabaseProvider.Sqlite, PluginId);

        Assert.Equal("field_notes_notes", Entity<Note>(context).GetTableName());
        Assert.Equal("field_notes_note_tags", Entity<NoteTag>(context).GetTableName());
    }

    [Fact]
    public void Tables_PluginContextOnPostgres_GetThePluginPrefix()
    {
        using var context = NotesContext.For(DatabaseProvider.Postgres, PluginId);

        Assert.Equal("field_notes_notes", Entity<Note>(context).GetTableName());
    }

    [Fact]
    public void Tables_CoreContext_KeepTheirNames()
    {
        using var context = NotesContext.For(DatabaseProvider.Sqlite, pluginId: null);

        Assert.Equal("notes", Entity<Note>(context).GetTableName());
    }

    [Fact]
    public void Outbox_PluginContext_WritesToTheCoresTableWithoutMigratingIt()
    {
        using var context = NotesContext.For(DatabaseProvider.Sqlite, PluginId);

        var outbox = DesignTimeEntity<DomainEventRecord>(context);
        Assert.Equal(OutboxModel.EventsTable, outbox.GetTableName());
        Assert.True(outbox.IsTableExcludedFromMigrations());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void RowVersion_VersionedEntity_IsAConcurrencyToken(DatabaseProvider provider)
    {
        using var context = NotesContext.For(provider, PluginId);

        Assert.True(Entity<Note>(context).FindProperty(nameof(Note.RowVersion))!.IsConcurrencyToken);
    }

    [Fact]
    public void Timestamps_Sqlite_AreStoredAsUtcTicks()
    {
        using var context = NotesContext.For(DatabaseProvider.Sqlite, PluginId);
        var note = Entity<Note>(context);

        Assert.Equal(typeof(long), note.FindProperty(nameof(Note.WrittenAt))!.GetTypeMapping().Converter?.ProviderClrType);
        Assert.Equal(typeof(long), note.FindProperty(nameof(Note.EditedAt))!.GetTypeMapping().Converter?.ProviderClrType);
    }

    [Fact]
    public void Timestamps_SqliteConversion_KeepsTheInstantAndOrder()
    {
        using var context = NotesContext.For(DatabaseProvider.Sqlite, PluginId);
        var converter = Entity<Note>(context).FindProperty(nameof(Note.WrittenAt))!.GetTypeMapping().Converter!;
        var inIndia = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(5.5));
        var inLondonLater = new DateTimeOffset(2026, 3, 1, 4, 0, 1, TimeSpan.Zero);

        var stored = (long)converter.ConvertToProvider(inIndia)!;
        var read = (DateTimeOffset)converter.ConvertFromProvider(stored)!;

        Assert.Equal(inIndia, read);
        Assert.True(stored < (long)converter.ConvertToProvider(inLondonLater)!);
    }

    [Fact]
    public void Timestamps_Postgres_KeepTheProvidersType()
    {
        using var context = NotesContext.For(DatabaseProvider.Postgres, PluginId);

        Assert.Null(Entity<Note>(context).FindProperty(nameof(Note.WrittenAt))!.GetTypeMapping().Converter);
    }

    [Fact]
    public void Customize_ContextWithoutUseCrmDatabase_ExplainsWhatIsMissing()
    {
        var options = new DbContextOptionsBuilder()
            .UseSqlite("Data Source=:memory:")
            .ReplaceService<IModelCustomizer, CrmBlazor.Data.Modeling.CrmModelCustomizer>()
            .Options;
        using var context = new NotesContext(options);

        var error = Assert.Throws<InvalidOperationException>(() => context.Model);

        Assert.Equal("The context was not configured with UseCrmDatabase.", error.Message);
    }

    private static IEntityType Entity<T>(DbContext context) => context.Model.FindEntityType(typeof(T))!;

    private static IEntityType DesignTimeEntity<T>(DbContext context) =>
        context.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(T))!;

    private sealed class NotesContext(DbContextOptions options) : PluginDbContext(options)
    {
        public static NotesContext For(DatabaseProvider provider, string? pluginId)
        {
            var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=crm_unit_tests";
            var options = new DbContextOptionsBuilder<NotesContext>()
                .UseCrmDatabase(new DatabaseSettings(provider, connectionString), pluginId)
                .Options;
            return new NotesContext(options);
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Note>().ToTable("notes");
            modelBuilder.Entity<NoteTag>().ToTable("note_tags");
        }
    }

    private sealed class Note : IVersionedEntity
    {
        public long Id { get; set; }

        public string Text { get; set; } = string.Empty;

        public DateTimeOffset WrittenAt { get; set; }

        public DateTimeOffset? EditedAt { get; set; }

        public Guid RowVersion { get; set; }
    }

    private sealed class NoteTag
    {
        public long Id { get; set; }

        public string Tag { get; set; } = string.Empty;
    }
}
