using CrmBlazor.Plugins.Projects.Data;
using CrmBlazor.Sdk.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Projects.Features.Privacy;

/// <summary>
/// The plugin's part of a person's data export and erasure. Projects and time belong to the customer,
/// so the export lists the customer's projects, tasks, milestones and time notes. Erasure removes the
/// person's names and e-mail addresses wherever people write free text (project and task names and
/// descriptions, milestones, time notes) and keeps hours, dates, rates and billing references, which
/// issued invoices rely on.
/// </summary>
public sealed class ProjectsPersonalData(ProjectsDbContext db) : IPersonalDataContributor
{
    /// <summary>What replaces an erased mention.</summary>
    public const string Erased = "(erased)";

    /// <inheritdoc />
    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CustomerId == subject.CustomerId)
            .Include(p => p.Tasks).Include(p => p.Milestones).AsSplitQuery()
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (projects.Count == 0)
        {
            return null;
        }

        var ids = projects.Select(p => p.Id).ToList();
        var notes = await db.TimeEntries.AsNoTracking().Where(t => ids.Contains(t.ProjectId) && t.Note != null)
            .OrderBy(t => t.Date).Select(t => new { t.ProjectId, t.Date, t.Minutes, t.Note }).ToListAsync(cancellationToken);
        return new
        {
            projects = projects.Select(p => new
            {
                p.Id,
                p.Name,
                p.Description,
                Status = p.Status.ToString(),
                p.StartDate,
                p.EndDate,
                tasks = p.Tasks.Select(t => t.Name),
                milestones = p.Milestones.Select(m => new { m.Name, m.DueOn, m.CompletedOn }),
                timeNotes = notes.Where(n => n.ProjectId == p.Id).Select(n => new { n.Date, Hours = n.Minutes / 60m, n.Note }),
            }),
        };
    }

    /// <inheritdoc />
    public async Task<string> EraseAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mentions = subject.Names.Concat(subject.Emails).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().OrderByDescending(m => m.Length).ToList();
        if (mentions.Count == 0)
        {
            return "Projects: nothing to erase.";
        }

        var projects = await db.Projects.Where(p => p.CustomerId == subject.CustomerId)
            .Include(p => p.Tasks).Include(p => p.Milestones).AsSplitQuery().ToListAsync(cancellationToken);
        var ids = projects.Select(p => p.Id).ToList();
        var entries = await db.TimeEntries.Where(t => ids.Contains(t.ProjectId) && t.Note != null).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var project in projects)
        {
            changed += Redact(project.Name, mentions, v => project.Name = v);
            changed += Redact(project.Description, mentions, v => project.Description = v);
            foreach (var task in project.Tasks)
            {
                changed += Redact(task.Name, mentions, v => task.Name = v);
            }

            foreach (var milestone in project.Milestones)
            {
                changed += Redact(milestone.Name, mentions, v => milestone.Name = v);
            }
        }

        foreach (var entry in entries)
        {
            changed += Redact(entry.Note, mentions, v => entry.Note = v);
        }

        await db.SaveChangesAsync(cancellationToken);
        return $"Projects: {changed} mention(s) erased from project names, descriptions, tasks, milestones and time notes; hours, dates and billing references kept for invoicing.";
    }

    private static int Redact(string? text, List<string> mentions, Action<string> set)
    {
        if (text is null)
        {
            return 0;
        }

        var redacted = mentions.Aggregate(text, (current, mention) => current.Replace(mention, Erased, StringComparison.OrdinalIgnoreCase));
        if (redacted == text)
        {
            return 0;
        }

        set(redacted);
        return 1;
    }
}
