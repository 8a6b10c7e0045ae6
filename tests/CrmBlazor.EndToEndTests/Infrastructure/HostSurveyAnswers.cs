using System.Globalization;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Stores answers to a survey in the running host's database as the answer service stores a named answer: the
/// response (its day only), one answer row per question, and who gave it (the respondent). The public answer page
/// is not part of these tests; the results page reads what is stored here.
/// </summary>
public static class HostSurveyAnswers
{
    /// <summary>Stores one response with a number per question, given by a contact of a customer on a day.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="surveyId">The survey.</param>
    /// <param name="day">The day of the answer.</param>
    /// <param name="customerId">The customer whose contact answered.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="numbers">The number given per question.</param>
    public static async Task AddAsync(CrmHostProcess host, long surveyId, DateOnly day, long customerId, long contactId, params (long QuestionId, int Number)[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        // EF Core's SQLite provider stores a Guid as upper-case text and a DateOnly as yyyy-MM-dd.
        var id = Guid.NewGuid().ToString().ToUpperInvariant();
        await HostDatabase.ExecuteAsync(host, """INSERT INTO surveys_responses ("Id", "SurveyId", "AnsweredOn") VALUES (@p0, @p1, @p2)""",
            id, surveyId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (questionId, number) in numbers)
        {
            await HostDatabase.ExecuteAsync(host, """INSERT INTO surveys_answers ("Key", "ResponseId", "SurveyId", "AnsweredOn", "QuestionId", "Number") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)""",
                Guid.NewGuid().ToString().ToUpperInvariant(), id, surveyId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), questionId, number);
        }

        await HostDatabase.ExecuteAsync(host, """INSERT INTO surveys_respondents ("ResponseId", "SurveyId", "ContactId", "CustomerId", "SubmittedAt") VALUES (@p0, @p1, @p2, @p3, @p4)""",
            id, surveyId, contactId, customerId, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero).UtcTicks);
    }

    /// <summary>The first question of a survey.</summary>
    /// <param name="host">The running host.</param>
    /// <param name="surveyId">The survey.</param>
    public static async Task<long> FirstQuestionAsync(CrmHostProcess host, long surveyId) =>
        Convert.ToInt64(await HostDatabase.ScalarAsync(host, """SELECT "Id" FROM surveys_questions WHERE "SurveyId" = @p0 ORDER BY "Id" LIMIT 1""", surveyId), CultureInfo.InvariantCulture);
}
