using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Capacity;
using CrmBlazor.Plugins.Resources.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Suggestions;

/// <summary>One week of a suggested person: what is free after every allocation, time off and holiday, and whether the need fits in it.</summary>
/// <param name="Week">The week.</param>
/// <param name="FreeMinutes">Capacity less everything allocated (tentative included), never below zero.</param>
/// <param name="Fits">Whether the hours asked for fit into what is free.</param>
public sealed record FreeWeek(IsoWeek Week, decimal FreeMinutes, bool Fits);

/// <summary>Someone who has the skill asked for, with their level and free time in each week asked about.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">Their name.</param>
/// <param name="TeamName">Their team, or null.</param>
/// <param name="Skill">The skill as recorded for them.</param>
/// <param name="Level">Their level in it (at least the level asked for).</param>
/// <param name="Weeks">Each week asked about, in order.</param>
public sealed record Suggestion(long PersonId, string Name, string? TeamName, string Skill, int Level, IReadOnlyList<FreeWeek> Weeks)
{
    /// <summary>Whether the need fits into every week.</summary>
    public bool FitsEveryWeek => Weeks.All(w => w.Fits);

    /// <summary>The weeks the need fits into.</summary>
    public int WeeksThatFit => Weeks.Count(w => w.Fits);
}

/// <summary>What a search found, or why it was refused.</summary>
/// <param name="Refused">The input's problems, or null when the search ran.</param>
/// <param name="Weeks">The weeks searched, in order.</param>
/// <param name="People">The people found, best first.</param>
public sealed record SuggestionResult(ChangeResult? Refused, IReadOnlyList<IsoWeek> Weeks, IReadOnlyList<Suggestion> People);

/// <summary>
/// Finds people for a project's need: among the people the user may plan (not placeholders), those
/// with the skill at the level asked for or above, ranked first by whether the hours fit into every
/// week, then by level, then by the weeks they fit and the hours free. Free time is computed set-based
/// (<see cref="CapacityQueries"/>): capacity less every allocation on every project, time off and
/// public holidays, week by week.
/// </summary>
public sealed class SuggestionService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access)
{
    /// <summary>The most people one search returns.</summary>
    public const int MostPeople = 25;

    /// <summary>Ranks the people the user may plan for a need.</summary>
    /// <param name="input">The need.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<SuggestionResult> SuggestAsync(SuggestionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return new SuggestionResult(ChangeResult.Invalid(errors), [], []);
        }

        if (!await access.CanPlanAnyoneAsync(cancellationToken))
        {
            return new SuggestionResult(ChangeResult.Forbidden(new Problem("You can plan only the people of your team.")), [], []);
        }

        var first = IsoWeek.Of(input.FirstWeek!.Value);
        var last = IsoWeek.Of(first.Monday.AddDays((input.Weeks - 1) * 7));
        var weeks = IsoWeek.Span(first.Monday, last.Monday).ToList();
        var skill = input.Skill!.Trim();
        var need = Hours.ToMinutes(input.HoursPerWeek!.Value);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plannable = (await access.PlannableAsync(db.People.AsNoTracking(), cancellationToken))
            .Where(p => p.UserId != null && p.ReplacedByPersonId == null);
        // Skills are compared in memory so that case is ignored the same way on both databases and in every script.
        var skilled = await (from s in db.Skills.AsNoTracking()
                             join p in plannable on s.PersonId equals p.Id
                             where s.Level >= input.MinimumLevel
                             select new { p.Id, p.Name, p.TeamId, s.Skill, s.Level })
            .ToListAsync(cancellationToken);
        var candidates = skilled.Where(c => string.Equals(c.Skill.Trim(), skill, StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            return new SuggestionResult(null, weeks, []);
        }

        var grid = await CapacityQueries.LoadAsync(db, [.. candidates.Select(c => c.Id)], first.Monday, last.Sunday, cancellationToken);
        var teamIds = candidates.Where(c => c.TeamId != null).Select(c => c.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var people = candidates.Select(c => new Suggestion(
                c.Id, c.Name, c.TeamId is { } team && teams.TryGetValue(team, out var teamName) ? teamName : null, c.Skill, c.Level,
                [.. grid.WeeksOf(c.Id).Select(w =>
                {
                    var free = Math.Max(0m, w.CapacityMinutes - w.AllocatedMinutes);
                    return new FreeWeek(w.Week, free, Math.Round(free) >= need);
                })]))
            .OrderByDescending(s => s.FitsEveryWeek)
            .ThenByDescending(s => s.Level)
            .ThenByDescending(s => s.WeeksThatFit)
            .ThenByDescending(s => s.Weeks.Sum(w => w.FreeMinutes))
            .ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .ThenBy(s => s.PersonId)
            .Take(MostPeople)
            .ToList();
        return new SuggestionResult(null, weeks, people);
    }
}
