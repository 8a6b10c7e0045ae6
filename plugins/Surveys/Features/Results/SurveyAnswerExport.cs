using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Results;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Results;

/// <summary>A survey's answers for the CSV export: the rows (a header, then one per response), or why they are refused.</summary>
/// <param name="Name">The survey's name, for the file name.</param>
/// <param name="Rows">The header and a row per response; empty when refused.</param>
/// <param name="Refusal">Why the answers are not given (an anonymous survey below its smallest group), or null.</param>
public sealed record AnswerExport(string Name, IReadOnlyList<IReadOnlyList<string?>> Rows, Problem? Refusal);

/// <summary>
/// The answers of a survey as rows for the CSV export: a column per question (in the survey's order, in
/// its first language), one row per response with its day; numbers as given, chosen options by their
/// text (several joined with "; "), texts as written. The SDK's <c>CsvWriter</c> writes them, so a text
/// a spreadsheet would run as a formula is marked as text. An anonymous survey with fewer responses
/// than its smallest group is refused: its few answers could point at the people who gave them.
/// </summary>
public sealed class SurveyAnswerExport(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access)
{
    /// <summary>The export of a survey's answers, or null when there is no such survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<AnswerExport?> RowsAsync(long surveyId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var responses = await db.Responses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
        if (SurveyResultsService.IsHidden(survey, responses))
        {
            return new AnswerExport(survey.Name, [], new Problem("The survey is anonymous and has fewer than {0} answers: they are not exported, to protect anonymity.", survey.MinimumGroupSize));
        }

        var language = survey.LanguageList is [var first, ..] ? first : "en";
        var sectionOrder = survey.Sections.ToDictionary(s => s.Id, s => s.Position);
        var answered = await db.Answers.Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId))
            .Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken);
        var questions = survey.Questions
            .Where(q => q.RetiredAt is null || answered.Contains(q.Id))
            .OrderBy(q => sectionOrder.GetValueOrDefault(q.SectionId)).ThenBy(q => q.Position)
            .ToList();
        var options = survey.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => Text(o.Texts, language));
        var optionOrder = survey.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Position);

        var rows = await db.Responses.AsNoTracking().Where(r => r.SurveyId == surveyId)
            .OrderBy(r => r.AnsweredOn).ThenBy(r => r.Id)
            .Select(r => new { r.AnsweredOn, Answers = r.Answers.Select(a => new { a.QuestionId, a.Number, a.OptionId, a.Text }).ToList() })
            .ToListAsync(cancellationToken);

        var header = new List<string?> { "Day" };
        header.AddRange(questions.Select(q => Text(q.Texts, language)));
        var result = new List<IReadOnlyList<string?>> { header };
        foreach (var row in rows)
        {
            var cells = new List<string?> { row.AnsweredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var question in questions)
            {
                // Options chosen in the question's order: answers have random keys, which give no order.
                var mine = row.Answers.Where(a => a.QuestionId == question.Id).OrderBy(a => a.OptionId is { } o ? optionOrder.GetValueOrDefault(o) : 0).ToList();
                cells.Add(mine.Count == 0 ? null : string.Join("; ", mine.Select(a =>
                    a.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    ?? (a.OptionId is { } option ? options.GetValueOrDefault(option) : a.Text))));
            }

            result.Add(cells);
        }

        return new AnswerExport(survey.Name, result, null);
    }

    private static string Text(Dictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text) ? text : texts.Values.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? string.Empty;
}
