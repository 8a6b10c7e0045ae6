using System.Data.Common;
using System.Globalization;

namespace CrmBlazor.Bench.Surveys;

/// <summary>What a survey's results are made of, the same whether counted by the plugin or by the baseline.</summary>
/// <param name="Responses">Responses of the survey.</param>
/// <param name="Numbers">Answers per question and number.</param>
/// <param name="Options">Answers per question and option.</param>
/// <param name="Answered">Responses that answered each question.</param>
/// <param name="Texts">Text answers per question.</param>
/// <param name="Days">Responses per day (the trend is folded from them).</param>
public sealed record ResultCounts(
    int Responses,
    IReadOnlyDictionary<(long Question, int Value), int> Numbers,
    IReadOnlyDictionary<(long Question, long Option), int> Options,
    IReadOnlyDictionary<long, int> Answered,
    IReadOnlyDictionary<long, int> Texts,
    int Days);

/// <summary>
/// The baseline: a survey's results counted by hand-written SQL over the same tables, the statements a developer
/// would write for the results page without the plugin: responses, answers grouped by question and number, by
/// question and option, the responses (distinct) and texts per question, responses per day, and the trend's
/// numbers per day.
/// </summary>
public static class ResultsSql
{
    /// <summary>Counts the results of a survey.</summary>
    public static async Task<ResultCounts> CountAsync(DbConnection connection, string responses, string answers, long surveyId, IReadOnlyList<long> trendQuestions)
    {
        var of = $"""FROM {answers} a WHERE a."SurveyId" = {surveyId}""";
        var total = 0;
        await Read($"""SELECT COUNT(*) FROM {responses} WHERE "SurveyId" = {surveyId}""", r => total = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
        var numbers = new Dictionary<(long, int), int>();
        await Read($"""SELECT a."QuestionId", a."Number", COUNT(*) {of} AND a."Number" IS NOT NULL GROUP BY a."QuestionId", a."Number" """,
            r => numbers[(r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture))] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture));
        var options = new Dictionary<(long, long), int>();
        await Read($"""SELECT a."QuestionId", a."OptionId", COUNT(*) {of} AND a."OptionId" IS NOT NULL GROUP BY a."QuestionId", a."OptionId" """,
            r => options[(r.GetInt64(0), r.GetInt64(1))] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture));
        var answered = new Dictionary<long, int>();
        var texts = new Dictionary<long, int>();
        await Read($"""SELECT a."QuestionId", COUNT(DISTINCT a."ResponseId"), SUM(CASE WHEN a."Text" <> '' THEN 1 ELSE 0 END) {of} GROUP BY a."QuestionId" """, r =>
        {
            answered[r.GetInt64(0)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
            texts[r.GetInt64(0)] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture);
        });
        var days = 0;
        await Read($"""SELECT r."AnsweredOn", COUNT(*) FROM {responses} r WHERE r."SurveyId" = {surveyId} GROUP BY r."AnsweredOn" """, _ => days++);
        var tracked = string.Join(", ", trendQuestions.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        await Read($"""SELECT a."QuestionId", a."Number", a."AnsweredOn", COUNT(*) {of} AND a."QuestionId" IN ({tracked}) AND a."Number" IS NOT NULL GROUP BY a."QuestionId", a."Number", a."AnsweredOn" """, _ => { });
        return new ResultCounts(total, numbers, options, answered, texts, days);

        async Task Read(string sql, Action<DbDataReader> row)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                row(reader);
            }
        }
    }
}
