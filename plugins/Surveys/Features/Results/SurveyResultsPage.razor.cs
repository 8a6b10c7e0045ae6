using System.Globalization;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Sdk.Audiences;
using CrmBlazor.Sdk.Customers;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Plugins.Surveys.Features.Results;

/// <summary>
/// A survey's results: the headline figures (responses, response rate, NPS, CSAT, effort), the trend by month or
/// week, the results per question in the survey's order, and for named surveys a filter by customer or segment and
/// the scores per customer and the latest answers with their closed loop (<see cref="AnswerLoopsTable"/>). Everything is counted and the anonymity threshold applied by
/// <see cref="SurveyResultsService"/> on the server; the page only shows what it is given.
/// </summary>
public partial class SurveyResultsPage
{
    private SurveyResults? _results;
    private bool _missing;
    private TrendPeriod _period = TrendPeriod.Month;
    private IReadOnlyList<AudienceInfo> _segments = [];
    private long? _segmentId;
    private CustomerSummary? _customer;
    private string _language = "en";

    /// <summary>The survey's id from the address.</summary>
    [Parameter]
    public long Id { get; set; }

    private ResultsFilter Filter => new(_customer?.Id, _customer is null ? _segmentId : null);

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        // The user's language when the survey speaks it, else the survey's first.
        var mine = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        _language = _results?.Survey.LanguageList is { Count: > 0 } languages ? (languages.Contains(mine) ? mine : languages[0]) : "en";
        if (_results is { Survey.IsAnonymous: false })
        {
            _segments = await Audiences.ListAsync();
        }
    }

    private async Task LoadAsync()
    {
        _results = await Results.GetAsync(Id, Filter, _period);
        _missing = _results is null;
    }

    private async Task PeriodAsync(TrendPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    private async Task SegmentAsync(long? segmentId)
    {
        (_segmentId, _customer) = (segmentId, null);
        await LoadAsync();
    }

    private async Task CustomerAsync(CustomerSummary? customer)
    {
        (_customer, _segmentId) = (customer, null);
        await LoadAsync();
    }

    private string Percent(decimal? value) =>
        value is { } v ? L["{0} %", Math.Round(v, 1).ToString("#,0.#", CultureInfo.CurrentCulture)] : L["no answers"];

    private string Score(decimal? value) =>
        value is { } v ? Math.Round(v).ToString("+#,0;-#,0;0", CultureInfo.CurrentCulture) : L["no answers"];

    private string Average(decimal? value) =>
        value is { } v ? Math.Round(v, 2).ToString("#,0.##", CultureInfo.CurrentCulture) : L["no answers"];

    private static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    private string Period(DateOnly start) => _period == TrendPeriod.Month
        ? Show.Month(start)
        : L["Week of {0}", Show.Date(start)];

    private QuestionResult? FirstOf(QuestionType type) => _results?.Questions.FirstOrDefault(q => q.Question.Type == type && q.Answers > 0);
}
