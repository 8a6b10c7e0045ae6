using CrmBlazor.Data;
using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Answers;

/// <summary>
/// The tables answers are stored in, as the migrations made them in the real database: a response and
/// its answers have no column that could hold a token, a contact, a customer, an e-mail or address, or a
/// time of day (docs/decisions/0023); who answered a named survey has a table of its own.
/// </summary>
public abstract class AnswerStorageTests(SurveysHostFixture fixture)
{
    [Fact]
    public async Task Responses_HoldTheSurveyAndTheDayOnly()
    {
        Assert.Equal(["AnsweredOn", "Id", "SurveyId"], await ColumnsAsync("surveys_responses"));
    }

    [Fact]
    public async Task Answers_HoldTheQuestionAndWhatWasAnsweredOnly()
    {
        Assert.Equal(["AnsweredOn", "Key", "Number", "OptionId", "QuestionId", "ResponseId", "SurveyId", "Text"], await ColumnsAsync("surveys_answers"));
    }

    [Fact]
    public async Task Respondents_OfNamedSurveys_AreKeptApart()
    {
        Assert.Equal(["ContactId", "CustomerId", "ResponseId", "SubmittedAt", "SurveyId"], await ColumnsAsync("surveys_respondents"));
    }

    [Fact]
    public async Task TheDayOfAnAnswer_IsADate_NotATime()
    {
        var type = fixture.Provider == DatabaseProvider.Postgres
            ? await fixture.Database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'surveys_responses' AND column_name = 'AnsweredOn'")
            : await fixture.Database.ScalarAsync<string>("SELECT type FROM pragma_table_info('surveys_responses') WHERE name = 'AnsweredOn'");

        Assert.Equal(fixture.Provider == DatabaseProvider.Postgres ? "date" : "TEXT", type);
    }

    private async Task<List<string>> ColumnsAsync(string table)
    {
        var columns = fixture.Provider == DatabaseProvider.Postgres
            ? await fixture.Database.ColumnAsync<string>("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @p0", table)
            : await fixture.Database.ColumnAsync<string>("SELECT name FROM pragma_table_info(@p0)", table);
        return [.. columns.Order(StringComparer.Ordinal)];
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : AnswerStorageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : AnswerStorageTests(fixture);
}
