using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Scoring;
using CrmBlazor.Plugins.Surveys.Features.Shared;
using CrmBlazor.Sdk.Audiences;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Surveys.Features.Results;

/// <summary>How many answers chose one option of a choice question.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Texts">The option per language code.</param>
/// <param name="Count">How many chose it.</param>
/// <param name="Percent">Its share of the question's answers (0–100), or null without answers.</param>
/// <param name="Retired">Whether the option was removed after answers existed.</param>
public sealed record OptionCount(long OptionId, IReadOnlyDictionary<string, string> Texts, int Count, decimal? Percent, bool Retired);

/// <summary>The scores of one period of the trend, or of the whole survey.</summary>
/// <param name="Start">The first day of the period (a Monday for weeks, the 1st for months).</param>
/// <param name="Responses">Responses in the period.</param>
/// <param name="Hidden">True when the survey is anonymous and the period has fewer responses than its minimum group size: nothing else is given.</param>
/// <param name="Nps">The NPS of the survey's first NPS question in the period, or null.</param>
/// <param name="Csat">The CSAT of the survey's first CSAT question in the period, or null.</param>
/// <param name="Effort">The average effort of the survey's first effort question in the period, or null.</param>
public sealed record TrendPoint(DateOnly Start, int Responses, bool Hidden, decimal? Nps, decimal? Csat, decimal? Effort);

/// <summary>The results of one question.</summary>
/// <param name="Question">The question (with its texts and options).</param>
/// <param name="Answers">How many answered it (for a multiple choice: how many responses chose at least one option).</param>
/// <param name="Scale">For a scale question, the count per value, every value listed; empty otherwise.</param>
/// <param name="Options">For a choice question, the count per option; empty otherwise.</param>
/// <param name="Average">The average of a scale question, or null.</param>
/// <param name="Nps">The Net Promoter Score of an NPS question, or null.</param>
/// <param name="Csat">The satisfaction score of a CSAT question, or null.</param>
/// <param name="TextAnswers">How many gave a text, for a text question (the texts themselves: <see cref="SurveyResultsService.TextsAsync"/>).</param>
public sealed record QuestionResult(SurveyQuestion Question, int Answers, IReadOnlyList<ScaleCount> Scale, IReadOnlyList<OptionCount> Options,
    decimal? Average, NpsScore? Nps, CsatScore? Csat, int TextAnswers);

/// <summary>The periods a trend is counted in.</summary>
public enum TrendPeriod
{
    /// <summary>Calendar months.</summary>
    Month,

    /// <summary>Weeks from Monday.</summary>
    Week,
}

/// <summary>
/// The results of a survey. When the survey is anonymous and has fewer responses than its
/// <see cref="Survey.MinimumGroupSize"/>, <see cref="Hidden"/> is true and no question results or trend are given.
/// </summary>
/// <param name="Survey">The survey with its sections, questions and options.</param>
/// <param name="Responses">How many responses it has.</param>
/// <param name="Hidden">Whether the results are withheld to protect anonymity.</param>
/// <param name="Questions">The results per question, in the survey's order (retired questions that have answers included).</param>
/// <param name="Trend">The scores per period, oldest first; periods of an anonymous survey below the minimum group size are hidden.</param>
/// <param name="Rate">The invitations sent and answered (of the filter's customers, when filtered).</param>
/// <param name="FilterRefused">
/// True when a filter was asked of an anonymous survey: its answers are linked to no customer, and a filter must
/// not narrow them below the minimum group, so nothing is given but the count of all responses.
/// </param>
public sealed record SurveyResults(Survey Survey, int Responses, bool Hidden, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<TrendPoint> Trend,
    ResponseRate Rate, bool FilterRefused = false)
{
    /// <summary>The first NPS question's score, the headline of an NPS survey.</summary>
    public NpsScore? HeadlineNps => Questions.FirstOrDefault(q => q.Nps is not null)?.Nps;

    /// <summary>The first CSAT question's score.</summary>
    public CsatScore? HeadlineCsat => Questions.FirstOrDefault(q => q.Csat is not null)?.Csat;
}

/// <summary>How many personal links were sent and how many of them were answered (the visits of a public link are not counted).</summary>
/// <param name="Sent">Invitations made.</param>
/// <param name="Answered">Invitations answered.</param>
public sealed record ResponseRate(int Sent, int Answered)
{
    /// <summary>The answered share of the invitations (0–100), or null when none was sent.</summary>
    public decimal? Percent => Sent == 0 ? null : Answered * 100m / Sent;
}

/// <summary>Narrows a named survey's results to one customer's responses, or to the responses of a segment's customers.</summary>
/// <param name="CustomerId">One customer, or null.</param>
/// <param name="SegmentId">A segment (an audience of <see cref="CrmBlazor.Sdk.Audiences.IAudienceDirectory"/>), or null.</param>
public sealed record ResultsFilter(long? CustomerId = null, long? SegmentId = null)
{
    /// <summary>No filter: every response.</summary>
    public static ResultsFilter None { get; } = new();

    /// <summary>Whether the filter narrows nothing.</summary>
    public bool IsEmpty => CustomerId is null && SegmentId is null;
}

/// <summary>The scores of one customer's responses to a named survey.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Responses">How many responses the customer's contacts gave.</param>
/// <param name="Nps">The NPS of the survey's first NPS question over those responses, or null.</param>
/// <param name="Csat">The CSAT of the survey's first CSAT question, or null.</param>
public sealed record CustomerScore(long CustomerId, int Responses, decimal? Nps, decimal? Csat);

/// <summary>A page of customers' scores.</summary>
/// <param name="Rows">The customers, most responses first.</param>
/// <param name="Total">How many customers answered.</param>
public sealed record CustomerScorePage(IReadOnlyList<CustomerScore> Rows, int Total);

/// <summary>A text given to a text question.</summary>
/// <param name="Day">The day of the response.</param>
/// <param name="Text">The text as written (shown escaped).</param>
public sealed record TextAnswer(DateOnly Day, string Text);

/// <summary>A page of a text question's answers, or none when they are withheld.</summary>
/// <param name="Rows">The texts, newest first.</param>
/// <param name="Total">How many texts there are.</param>
/// <param name="Hidden">True when the survey is anonymous and below its minimum group, or a filter was asked of an anonymous survey: no text is given.</param>
public sealed record TextAnswerPage(IReadOnlyList<TextAnswer> Rows, int Total, bool Hidden);

/// <summary>
/// The results of a survey, counted in the database (grouped by question and value; the answer rows are
/// never loaded to be counted), with the anonymity threshold applied on the server.
/// </summary>
/// <remarks>
/// A filter (one customer, one segment's customers) narrows a named survey's responses through their respondents.
/// An anonymous survey has no respondents: a filter asked of it is refused here, on the server, so that no caller
/// can narrow its answers below the minimum group.
/// </remarks>
public sealed class SurveyResultsService(IDbContextFactory<SurveysDbContext> contexts, SurveysAccess access, IAudienceDirectory audiences)
{
    /// <summary>A survey's results, or null when there is no such survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="period">The periods of the trend.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public Task<SurveyResults?> GetAsync(long surveyId, TrendPeriod period = TrendPeriod.Month, CancellationToken cancellationToken = default) =>
        GetAsync(surveyId, ResultsFilter.None, period, cancellationToken);

    /// <summary>A survey's results narrowed by a filter, or null when there is no such survey.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="filter">One customer or one segment's customers (named surveys only).</param>
    /// <param name="period">The periods of the trend.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<SurveyResults?> GetAsync(long surveyId, ResultsFilter filter, TrendPeriod period = TrendPeriod.Month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
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

        if (survey.IsAnonymous && !filter.IsEmpty)
        {
            var all = await db.Responses.CountAsync(r => r.SurveyId == surveyId, cancellationToken);
            return new SurveyResults(survey, all, true, [], [], new ResponseRate(0, 0), FilterRefused: true);
        }

        var customers = await CustomersAsync(filter, cancellationToken);
        var scope = Responses(db, surveyId, customers);
        // Links sent: the visits of a public link are not, so they count in neither part of the rate.
        var invitations = db.Invitations.Where(i => i.SurveyId == surveyId && !i.ThroughPublicLink);
        if (customers is not null)
        {
            invitations = invitations.Where(i => i.CustomerId != null && customers.Contains(i.CustomerId.Value));
        }

        var rate = new ResponseRate(await invitations.CountAsync(cancellationToken), await invitations.CountAsync(i => i.IsAnswered, cancellationToken));
        var responses = await scope.CountAsync(cancellationToken);
        if (IsHidden(survey, responses))
        {
            return new SurveyResults(survey, responses, true, [], [], rate);
        }

        var answers = Answers(db, surveyId, customers);
        var numbers = await answers.Where(a => a.Number != null)
            .GroupBy(a => new { a.QuestionId, a.Number })
            .Select(g => new { g.Key.QuestionId, Value = g.Key.Number!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var options = await answers.Where(a => a.OptionId != null)
            .GroupBy(a => new { a.QuestionId, a.OptionId })
            .Select(g => new { g.Key.QuestionId, OptionId = g.Key.OptionId!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // A response answers a question with one row, but a multiple choice with one row per option chosen:
        // only those are counted by distinct response. Empty texts are never stored, so a text question's
        // answers are its texts.
        var answered = await answers
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.QuestionId, g => g.Count, cancellationToken);
        var multiple = survey.Questions.Where(q => q.Type == QuestionType.MultipleChoice).Select(q => q.Id).ToList();
        if (multiple.Count > 0)
        {
            foreach (var choice in await answers.Where(a => multiple.Contains(a.QuestionId))
                .GroupBy(a => a.QuestionId)
                .Select(g => new { QuestionId = g.Key, Responses = g.Select(a => a.ResponseId).Distinct().Count() })
                .ToListAsync(cancellationToken))
            {
                answered[choice.QuestionId] = choice.Responses;
            }
        }

        var sectionOrder = survey.Sections.ToDictionary(s => s.Id, s => s.Position);
        var results = new List<QuestionResult>();
        foreach (var question in survey.Questions.OrderBy(q => sectionOrder.GetValueOrDefault(q.SectionId)).ThenBy(q => q.Position))
        {
            var count = answered.GetValueOrDefault(question.Id);
            if (question.RetiredAt is not null && count == 0)
            {
                continue;
            }

            var counts = numbers.Where(n => n.QuestionId == question.Id).ToDictionary(n => n.Value, n => n.Count);
            results.Add(Result(question, count, counts, options.Where(o => o.QuestionId == question.Id).ToDictionary(o => o.OptionId, o => o.Count)));
        }

        var trend = await TrendAsync(survey, scope, answers, period, cancellationToken);
        return new SurveyResults(survey, responses, false, results, trend, rate);
    }

    /// <summary>
    /// The NPS and CSAT per customer of a named survey, a page at a time, most responses first; counted in the
    /// database per customer and value. Empty for an anonymous survey: its answers are linked to no customer.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="filter">One customer or one segment's customers.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Customers per page (1–100).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<CustomerScorePage> CustomersAsync(long surveyId, ResultsFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null || survey.IsAnonymous)
        {
            return new CustomerScorePage([], 0);
        }

        var customers = await CustomersAsync(filter, cancellationToken);
        var respondents = db.Respondents.Where(p => p.SurveyId == surveyId);
        if (customers is not null)
        {
            respondents = respondents.Where(p => customers.Contains(p.CustomerId));
        }

        var grouped = respondents.GroupBy(p => p.CustomerId).Select(g => new { CustomerId = g.Key, Responses = g.Count() });
        var total = await grouped.CountAsync(cancellationToken);
        var rows = await grouped.OrderByDescending(g => g.Responses).ThenBy(g => g.CustomerId)
            .Skip(Math.Max(page, 0) * Math.Clamp(pageSize, 1, 100)).Take(Math.Clamp(pageSize, 1, 100))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.CustomerId).ToList();
        var nps = First(survey, QuestionType.Nps);
        var csat = First(survey, QuestionType.Csat);
        var tracked = new[] { nps, csat }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var values = await db.Answers.Where(a => a.SurveyId == surveyId && tracked.Contains(a.QuestionId) && a.Number != null)
            .Join(db.Respondents.Where(p => p.SurveyId == surveyId && ids.Contains(p.CustomerId)), a => a.ResponseId, p => p.ResponseId, (a, p) => new { a.QuestionId, a.Number, p.CustomerId })
            .GroupBy(x => new { x.QuestionId, x.Number, x.CustomerId })
            .Select(g => new { g.Key.QuestionId, Value = g.Key.Number!.Value, g.Key.CustomerId, Count = g.Count() })
            .ToListAsync(cancellationToken);

        Dictionary<int, int> Counts(long? questionId, long customerId) => values.Where(v => v.QuestionId == questionId && v.CustomerId == customerId).ToDictionary(v => v.Value, v => v.Count);
        return new CustomerScorePage(
            [.. rows.Select(r => new CustomerScore(r.CustomerId, r.Responses,
                nps is null ? null : Nps(Counts(nps, r.CustomerId)).Score,
                csat is null ? null : Csat(Counts(csat, r.CustomerId)).Score))],
            total);
    }

    /// <summary>
    /// The texts given to a text question, a page at a time, newest first. Withheld (<see cref="TextAnswerPage.Hidden"/>)
    /// for an anonymous survey below its minimum group and for any filter asked of an anonymous survey.
    /// </summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="questionId">The text question.</param>
    /// <param name="filter">One customer or one segment's customers (named surveys only).</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Texts per page (1–100).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The user may not see surveys.</exception>
    public async Task<TextAnswerPage> TextsAsync(long surveyId, long questionId, ResultsFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!await access.CanViewAsync(cancellationToken))
        {
            throw new UnauthorizedAccessException("You may not see surveys.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null || (survey.IsAnonymous && !filter.IsEmpty)
            || IsHidden(survey, await db.Responses.CountAsync(r => r.SurveyId == surveyId, cancellationToken)))
        {
            return new TextAnswerPage([], 0, true);
        }

        var texts = Answers(db, surveyId, await CustomersAsync(filter, cancellationToken)).Where(a => a.QuestionId == questionId && a.Text != null);
        var total = await texts.CountAsync(cancellationToken);
        var size = Math.Clamp(pageSize, 1, 100);
        var rows = await texts.OrderByDescending(t => t.AnsweredOn).ThenByDescending(t => t.Key)
            .Skip(Math.Max(page, 0) * size).Take(size)
            .Select(t => new TextAnswer(t.AnsweredOn, t.Text!))
            .ToListAsync(cancellationToken);
        return new TextAnswerPage(rows, total, false);
    }

    // The customers a filter narrows to, or null for all: one customer, or a segment's customers as of its last refresh.
    private async Task<List<long>?> CustomersAsync(ResultsFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CustomerId is { } customer)
        {
            return [customer];
        }

        return filter.SegmentId is { } segment ? [.. await audiences.GetCustomerIdsAsync(segment, cancellationToken)] : null;
    }

    private static IQueryable<SurveyResponse> Responses(SurveysDbContext db, long surveyId, List<long>? customers)
    {
        var responses = db.Responses.Where(r => r.SurveyId == surveyId);
        return customers is null
            ? responses
            : responses.Where(r => db.Respondents.Any(p => p.ResponseId == r.Id && customers.Contains(p.CustomerId)));
    }

    // The answers of a survey (each carries its survey and day, so the results need no join to the responses),
    // narrowed to the customers' respondents when a filter is given.
    private static IQueryable<SurveyAnswer> Answers(SurveysDbContext db, long surveyId, List<long>? customers)
    {
        var answers = db.Answers.Where(a => a.SurveyId == surveyId);
        return customers is null
            ? answers
            : answers.Where(a => db.Respondents.Any(p => p.ResponseId == a.ResponseId && customers.Contains(p.CustomerId)));
    }

    private static long? First(Survey survey, QuestionType type) =>
        survey.Questions.Where(q => q.Type == type).OrderBy(q => q.Id).Select(q => (long?)q.Id).FirstOrDefault();

    /// <summary>Whether an anonymous survey's group of answers is too small to show.</summary>
    /// <param name="survey">The survey.</param>
    /// <param name="responses">The responses in the group.</param>
    public static bool IsHidden(Survey survey, int responses)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.IsAnonymous && responses < survey.MinimumGroupSize;
    }

    private static QuestionResult Result(SurveyQuestion question, int answers, Dictionary<int, int> numbers, Dictionary<long, int> options)
    {
        if (question is { ScaleMin: { } min, ScaleMax: { } max })
        {
            var all = numbers.Where(n => n.Key >= min && n.Key <= max).Sum(n => n.Value);
            var scale = Enumerable.Range(min, max - min + 1)
                .Select(v => new ScaleCount(v, numbers.GetValueOrDefault(v), all == 0 ? null : numbers.GetValueOrDefault(v) * 100m / all))
                .ToList();
            var total = scale.Sum(s => (long)s.Value * s.Count);
            return new QuestionResult(question, answers, scale, [], all == 0 ? null : (decimal)total / all,
                question.Type == QuestionType.Nps ? Nps(numbers) : null,
                question.Type == QuestionType.Csat ? Csat(numbers) : null, 0);
        }

        if (question.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            var list = question.Options.OrderBy(o => o.Position)
                .Where(o => o.RetiredAt is null || options.ContainsKey(o.Id))
                .Select(o => new OptionCount(o.Id, o.Texts, options.GetValueOrDefault(o.Id), answers == 0 ? null : options.GetValueOrDefault(o.Id) * 100m / answers, o.RetiredAt is not null))
                .ToList();
            return new QuestionResult(question, answers, [], list, null, null, null, 0);
        }

        return new QuestionResult(question, answers, [], [], null, null, null, answers);
    }

    private static NpsScore Nps(Dictionary<int, int> numbers) => NpsScore.FromCounts([.. Enumerable.Range(0, 11).Select(v => numbers.GetValueOrDefault(v))]);

    private static CsatScore Csat(Dictionary<int, int> numbers) =>
        new(Enumerable.Range(1, 5).Sum(v => numbers.GetValueOrDefault(v)), numbers.GetValueOrDefault(4) + numbers.GetValueOrDefault(5));

    private static async Task<List<TrendPoint>> TrendAsync(Survey survey, IQueryable<SurveyResponse> scope, IQueryable<SurveyAnswer> answers, TrendPeriod period, CancellationToken cancellationToken)
    {
        var nps = First(survey, QuestionType.Nps);
        var csat = First(survey, QuestionType.Csat);
        var effort = First(survey, QuestionType.Effort);

        // Grouped by day in the database (a response holds its day only); the days are folded into weeks or months here.
        var days = await scope
            .GroupBy(r => r.AnsweredOn)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tracked = new[] { nps, csat, effort }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var values = await answers.Where(a => tracked.Contains(a.QuestionId) && a.Number != null)
            .GroupBy(x => new { x.QuestionId, x.Number, x.AnsweredOn })
            .Select(g => new { g.Key.QuestionId, Value = g.Key.Number!.Value, Day = g.Key.AnsweredOn, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return [.. days.GroupBy(d => Start(d.Day, period)).OrderBy(g => g.Key).Select(group =>
        {
            var responses = group.Sum(d => d.Count);
            if (IsHidden(survey, responses))
            {
                return new TrendPoint(group.Key, responses, true, null, null, null);
            }

            Dictionary<int, int> Counts(long? questionId) => values.Where(v => v.QuestionId == questionId && Start(v.Day, period) == group.Key)
                .GroupBy(v => v.Value).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
            var effortCounts = Counts(effort);
            var effortAnswers = effortCounts.Sum(c => c.Value);
            return new TrendPoint(group.Key, responses, false,
                nps is null ? null : Nps(Counts(nps)).Score,
                csat is null ? null : Csat(Counts(csat)).Score,
                effortAnswers == 0 ? null : (decimal)effortCounts.Sum(c => (long)c.Key * c.Value) / effortAnswers);
        })];
    }

    /// <summary>The first day of the period a day falls in.</summary>
    /// <param name="day">The day.</param>
    /// <param name="period">Weeks (from Monday) or months.</param>
    public static DateOnly Start(DateOnly day, TrendPeriod period) => period == TrendPeriod.Month
        ? new DateOnly(day.Year, day.Month, 1)
        : day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
