using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Builder;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Surveys;

/// <summary>A survey as the list shows it.</summary>
/// <param name="Id">The survey.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What it mainly measures.</param>
/// <param name="State">Draft, open or closed.</param>
/// <param name="IsAnonymous">Whether its answers are anonymous.</param>
/// <param name="Questions">Its active questions.</param>
/// <param name="Answers">Its responses.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record SurveyRow(long Id, string Name, SurveyKind Kind, SurveyState State, bool IsAnonymous, int Questions, int Answers, DateTimeOffset CreatedAt);

/// <summary>One page of surveys and how many there are in all.</summary>
/// <param name="Rows">The page, newest first.</param>
/// <param name="Total">Every survey.</param>
public sealed record SurveyPage(IReadOnlyList<SurveyRow> Rows, int Total);

/// <summary>Surveys: listed, created, their settings changed, opened and closed.</summary>
public sealed class SurveyService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, TimeProvider clock)
{
    private static readonly Problem Conflict = new("Someone else changed this survey meanwhile. Nothing was saved: reload and try again.");

    /// <summary>A page of surveys, newest first, with their answer counts.</summary>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Rows per page (1–100).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<SurveyPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(page, 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Surveys.CountAsync(cancellationToken);
        var rows = await db.Surveys.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(s => new SurveyRow(
                s.Id, s.Name, s.Kind, s.State, s.IsAnonymous,
                s.Questions.Count(q => q.RetiredAt == null),
                db.Responses.Count(r => r.SurveyId == s.Id),
                s.CreatedAt))
            .ToListAsync(cancellationToken);
        return new SurveyPage(rows, total);
    }

    /// <summary>Creates a draft survey with one empty section.</summary>
    /// <param name="input">Its settings.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved with the new survey's id.</returns>
    public async Task<ChangeResult> CreateAsync(SurveyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Validate(input)
            .Create(() => new Survey { Name = string.Empty, Languages = string.Empty, CreatedAt = now, CreatedByUserId = access.UserId, State = SurveyState.Draft })
            .Apply(survey =>
            {
                Copy(input, survey);
                survey.UpdatedAt = now;
                survey.Sections.Add(new SurveySection { Position = 1 });
            })
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>
    /// Changes a survey's settings. Anonymity and kind cannot change once the survey has answers.
    /// Removing a language drops no text: the texts stay stored and come back with the language.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="input">Its settings and the version the form was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UpdateAsync(long surveyId, SurveyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Validate(input)
            .Load(ct => db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct))
            .Expect(input.RowVersion)
            .Apply(async (survey, ct) =>
            {
                var hasAnswers = await db.Responses.AnyAsync(r => r.SurveyId == surveyId, ct);
                if (SurveyRules.CheckAnonymity(survey, input.IsAnonymous, hasAnswers) is { } anonymity)
                {
                    return ChangeResult.Invalid(nameof(input.IsAnonymous), anonymity);
                }

                if (hasAnswers && survey.Kind != input.Kind)
                {
                    return ChangeResult.Invalid(nameof(input.Kind), new Problem("The survey has answers, so what it measures can no longer change."));
                }

                Copy(input, survey);
                survey.UpdatedAt = clock.GetUtcNow();
                return null;
            })
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>Opens a survey for answers: it needs a question, and every text in every language of the survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="rowVersion">The version the page was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> OpenAsync(long surveyId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Surveys.Include(s => s.Sections).Include(s => s.Questions).ThenInclude(q => q.Options).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == surveyId, ct))
            .Expect(rowVersion)
            .Check(survey => survey.State == SurveyState.Open ? new Problem("The survey is open already.") : SurveyRules.CheckReadyToOpen(survey))
            .Apply(survey =>
            {
                survey.State = SurveyState.Open;
                survey.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(Conflict, cancellationToken);
    }

    /// <summary>Closes an open survey: it takes no more answers, and keeps its results.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="rowVersion">The version the page was loaded with.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> CloseAsync(long surveyId, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Survey>()
            .Allow(access.CanManageAsync)
            .Load(ct => db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct))
            .Expect(rowVersion)
            .Check(survey => survey.State == SurveyState.Open ? null : new Problem("Only an open survey can be closed."))
            .Apply(survey =>
            {
                survey.State = SurveyState.Closed;
                survey.UpdatedAt = clock.GetUtcNow();
            })
            .SaveAsync(Conflict, cancellationToken);
    }

    private static void Copy(SurveyInput input, Survey survey)
    {
        survey.Name = input.Name!.Trim();
        survey.Kind = input.Kind;
        survey.Languages = SurveyLanguages.Format(input.Languages);
        survey.IsAnonymous = input.IsAnonymous;
        survey.ClosedLoop = input.ClosedLoop;
        survey.MinimumGroupSize = input.MinimumGroupSize;
    }
}
