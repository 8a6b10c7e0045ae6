using System.Text.Json;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBlazor.Plugins.Surveys.Data;

/// <summary>The plugin's tables (prefixed <c>surveys_</c> by the host).</summary>
public sealed class SurveysDbContext(DbContextOptions<SurveysDbContext> options) : PluginDbContext(options)
{
    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveySection> Sections => Set<SurveySection>();

    public DbSet<SurveyQuestion> Questions => Set<SurveyQuestion>();

    public DbSet<QuestionOption> Options => Set<QuestionOption>();

    public DbSet<SurveyResponse> Responses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> Answers => Set<SurveyAnswer>();

    public DbSet<SurveyRespondent> Respondents => Set<SurveyRespondent>();

    public DbSet<SurveyInvitation> Invitations => Set<SurveyInvitation>();

    public DbSet<SurveyPendingEffect> PendingEffects => Set<SurveyPendingEffect>();

    public DbSet<SurveyFollowUp> FollowUps => Set<SurveyFollowUp>();

    public DbSet<SurveyTrigger> Triggers => Set<SurveyTrigger>();

    public DbSet<SurveyedProject> SurveyedProjects => Set<SurveyedProject>();

    public DbSet<SurveySend> Sends => Set<SurveySend>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Survey>(e =>
        {
            e.ToTable("surveys");
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Languages).HasMaxLength(40);
            e.Property(s => s.CreatedByUserId).HasMaxLength(450);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(s => s.CreatedAt);
            e.Property(s => s.PublicTokenHash).HasMaxLength(SurveyInvitation.HashLength);
            e.HasIndex(s => s.PublicTokenHash).IsUnique();
            e.HasMany(s => s.Sections).WithOne().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(s => s.LanguageList);
        });
        modelBuilder.Entity<SurveySection>(e =>
        {
            e.ToTable("sections");
            Texts(e.Property(s => s.Titles));
            e.HasIndex(s => new { s.SurveyId, s.Position });
        });
        modelBuilder.Entity<SurveyQuestion>(e =>
        {
            e.ToTable("questions");
            e.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(q => q.ShowIfOperator).HasConversion<string>().HasMaxLength(20);
            Texts(e.Property(q => q.Texts));
            e.HasOne<SurveySection>().WithMany().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(q => q.ShowIfQuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(q => new { q.SectionId, q.Position });
        });
        modelBuilder.Entity<QuestionOption>(e =>
        {
            e.ToTable("options");
            Texts(e.Property(o => o.Texts));
            e.HasIndex(o => new { o.QuestionId, o.Position });
        });
        modelBuilder.Entity<SurveyResponse>(e =>
        {
            e.ToTable("responses");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.SurveyId, r.AnsweredOn });
        });
        modelBuilder.Entity<SurveyAnswer>(e =>
        {
            e.ToTable("answers");
            // Random, given by the entity: the provider's own Guid values may be sequential (version 7).
            e.HasKey(a => a.Key);
            e.Property(a => a.Key).ValueGeneratedNever();
            e.Property(a => a.Text).HasMaxLength(4000);
            e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<QuestionOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.QuestionId, a.Number });
            e.HasIndex(a => a.ResponseId);
            // The results count from these alone: numbers and options per question, and the trend's numbers per day.
            e.HasIndex(a => new { a.SurveyId, a.QuestionId, a.Number, a.OptionId });
            e.HasIndex(a => new { a.SurveyId, a.QuestionId, a.AnsweredOn, a.Number });
        });
        modelBuilder.Entity<SurveyRespondent>(e =>
        {
            e.ToTable("respondents");
            e.HasKey(r => r.ResponseId);
            e.HasOne<SurveyResponse>().WithOne().HasForeignKey<SurveyRespondent>(r => r.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.SurveyId, r.CustomerId });
            e.HasIndex(r => r.ContactId);

            // Each customer's latest score (LatestScores).
            e.HasIndex(r => new { r.CustomerId, r.SubmittedAt });
        });
        modelBuilder.Entity<SurveyInvitation>(e =>
        {
            e.ToTable("invitations");
            e.Property(i => i.Language).HasMaxLength(5);
            e.Property(i => i.TokenHash).HasMaxLength(SurveyInvitation.HashLength);
            e.Property(i => i.CreatedByUserId).HasMaxLength(450);
            e.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
            // The reminder job marks an invitation reminded only if nobody did meanwhile (UPDATE … WHERE "RemindedAt" IS NULL).
            e.Property(i => i.RemindedAt).IsConcurrencyToken();
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.SurveyId, i.ContactId });
            e.HasIndex(i => i.ContactId);
            // The clean-up of expired visits of public links that were never answered.
            e.HasIndex(i => new { i.ThroughPublicLink, i.IsAnswered, i.ExpiresAt });
        });
        modelBuilder.Entity<SurveyPendingEffect>(e =>
        {
            e.ToTable("pending_effects");
            e.HasKey(p => p.ResponseId);
            e.HasOne<SurveyResponse>().WithOne().HasForeignKey<SurveyPendingEffect>(p => p.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.CreatedAt);
        });
        modelBuilder.Entity<SurveyFollowUp>(e =>
        {
            e.ToTable("follow_ups");
            e.HasKey(f => f.ResponseId);
            e.HasOne<SurveyResponse>().WithOne().HasForeignKey<SurveyFollowUp>(f => f.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.SurveyId);
        });
        modelBuilder.Entity<SurveyTrigger>(e =>
        {
            e.ToTable("triggers");
            e.HasKey(t => t.Event);
            e.Property(t => t.Event).HasMaxLength(50);
            e.Property(t => t.SetByUserId).HasMaxLength(450);
            e.HasOne<Survey>().WithMany().HasForeignKey(t => t.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SurveySend>(e =>
        {
            e.ToTable("sends");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.AudienceName).HasMaxLength(200);
            e.Property(s => s.StartedByUserId).HasMaxLength(450);
            e.Property(s => s.Stopped).HasMaxLength(200);
            e.HasOne<Survey>().WithMany().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.SurveyId, s.StartedAt });
        });
        modelBuilder.Entity<SurveyedProject>(e =>
        {
            e.ToTable("surveyed_projects");
            e.HasKey(p => p.ProjectId);
            e.Property(p => p.ProjectId).ValueGeneratedNever();
            e.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // Texts per language are read and written whole with their question, so one JSON column is enough;
    // the comparer makes EF Core see a changed text in a dictionary it tracks.
    private static void Texts(PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && a.All(p => b.ContainsKey(p.Key) && b[p.Key] == p.Value),
                    v => v.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value)),
                    v => new Dictionary<string, string>(v)));
}
