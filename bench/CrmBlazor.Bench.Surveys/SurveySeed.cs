using System.Globalization;
using System.Reflection;
using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Bench.Surveys;

/// <summary>The survey the seed made: its id, its questions by type and how many responses and answers it holds.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="Nps">The NPS question.</param>
/// <param name="Csat">The CSAT question.</param>
/// <param name="Effort">The effort question.</param>
/// <param name="Choice">The single-choice question.</param>
/// <param name="Options">Its options.</param>
/// <param name="Text">The long-text question.</param>
/// <param name="Responses">Responses stored.</param>
/// <param name="Answers">Answers stored.</param>
/// <param name="ResponseTable">The responses' table, quoted.</param>
/// <param name="AnswerTable">The answers' table, quoted.</param>
public sealed record SeededSurvey(long SurveyId, long Nps, long Csat, long Effort, long Choice, IReadOnlyList<long> Options, long Text, int Responses, int Answers,
    string ResponseTable, string AnswerTable);

/// <summary>
/// Makes an open NPS survey (NPS, CSAT, effort, a single choice of four options and a long text, in one section)
/// through the plugin's own entities, then fills its responses and answers with multi-row inserts: every response
/// answers all five questions on a day of the last two years, texts in the scripts the product speaks.
/// Table and column names are read from the plugin's EF model, so the seed follows the schema. Deterministic (seed 42).
/// </summary>
public static class SurveySeed
{
    private const string Root = "CrmBlazor.Plugins.Surveys.";
    private static readonly string[] OptionTexts = ["Website", "Accounting", "IT support", "Consulting"];
    private static readonly string[] ResponseColumns = ["Id", "SurveyId", "AnsweredOn"];
    private static readonly string[] AnswerColumns = ["ResponseId", "SurveyId", "AnsweredOn", "QuestionId", "Number", "OptionId", "Text"];
    private static readonly string[] Texts =
    [
        "Clear invoices and quick answers.",
        "பதில்கள் விரைவாக வந்தன, நன்றி.",
        "ಯೋಜನೆ ಸಮಯಕ್ಕೆ ಮುಗಿಯಿತು.",
        "ઇન્વૉઇસ સ્પષ્ટ હતા.",
        "جواب جلدی ملے، شکریہ۔",
        "პროექტი დროულად დასრულდა.",
    ];

    /// <summary>Seeds a survey with <paramref name="answers"/> answers (five per response).</summary>
    public static async Task<SeededSurvey> SeedAsync(CrmHostFactory host, int answers, TextWriter output)
    {
        var assembly = host.Services.GetRequiredService<PluginCatalog>().Find("surveys")?.Assembly
            ?? throw new InvalidOperationException("The surveys plugin is not loaded.");
        Type T(string name) => assembly.GetType(Root + name, throwOnError: true)!;

        var (survey, questions, options) = await host.InScopeAsync(async services =>
        {
            var db = (DbContext)services.GetRequiredService(T("Data.SurveysDbContext"));
            var now = DateTimeOffset.UtcNow;
            var s = New(T("Data.Survey"), ("Name", "Customer experience 2026"), ("Kind", "Nps"), ("Languages", "en"), ("State", "Open"),
                ("CreatedAt", now), ("UpdatedAt", now), ("RowVersion", Guid.NewGuid()));
            db.Add(s);
            await db.SaveChangesAsync();
            var surveyId = (long)Get(s, "Id");
            var section = New(T("Data.SurveySection"), ("SurveyId", surveyId), ("Position", 0), ("Titles", new Dictionary<string, string> { ["en"] = "Your experience" }));
            db.Add(section);
            await db.SaveChangesAsync();
            var sectionId = (long)Get(section, "Id");
            object Question(int position, string type, int? min, int? max, string text) =>
                New(T("Data.SurveyQuestion"), ("SurveyId", surveyId), ("SectionId", sectionId), ("Position", position), ("Type", type), ("IsRequired", type != "LongText"),
                    ("ScaleMin", min), ("ScaleMax", max), ("Texts", new Dictionary<string, string> { ["en"] = text }));
            var list = new[]
            {
                Question(0, "Nps", 0, 10, "How likely are you to recommend us to a friend or colleague?"),
                Question(1, "Csat", 1, 5, "How satisfied are you with our work?"),
                Question(2, "Effort", 1, 7, "How easy was it to get what you needed?"),
                Question(3, "SingleChoice", null, null, "What did you work with us on?"),
                Question(4, "LongText", null, null, "What should we do better?"),
            };
            db.AddRange(list);
            await db.SaveChangesAsync();
            var choiceId = (long)Get(list[3], "Id");
            var opts = OptionTexts
                .Select((text, i) => New(T("Data.QuestionOption"), ("QuestionId", choiceId), ("Position", i), ("Texts", new Dictionary<string, string> { ["en"] = text })))
                .ToList();
            db.AddRange(opts);
            await db.SaveChangesAsync();
            return (surveyId, list.Select(q => (long)Get(q, "Id")).ToList(), opts.Select(o => (long)Get(o, "Id")).ToList());
        });

        var responses = answers / 5;
        var (responseTable, responseColumns, answerTable, answerColumns, answerKey) = await host.InScopeAsync(services =>
        {
            var model = ((DbContext)services.GetRequiredService(T("Data.SurveysDbContext"))).Model;
            var response = model.FindEntityType(T("Data.SurveyResponse"))!;
            var answer = model.FindEntityType(T("Data.SurveyAnswer"))!;
            var key = answer.FindPrimaryKey()!.Properties.Single();
            var answerNames = new List<string>();
            if (key.ClrType == typeof(Guid))
            {
                answerNames.Add(Column(answer, key.Name));
            }

            answerNames.AddRange(AnswerColumns.Select(p => Column(answer, p)));
            return Task.FromResult((response.GetTableName()!, ResponseColumns.Select(p => Column(response, p)).ToArray(),
                answer.GetTableName()!, answerNames.ToArray(), key.ClrType));
        });

        var postgres = host.Database.Provider == DatabaseProvider.Postgres;
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        object Day(DateOnly day) => postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var random = new Random(42);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ids = new List<Guid>(responses);
        var days = new List<DateOnly>(responses);
        for (var i = 0; i < responses; i++)
        {
            ids.Add(new Guid(BitConverter.GetBytes(random.NextInt64()).Concat(BitConverter.GetBytes(random.NextInt64())).ToArray()));
            days.Add(today.AddDays(-random.Next(730)));
        }

        await using var connection = await host.Database.OpenConnectionAsync();
        var written = 0;
        const int Chunk = 20_000;
        for (var start = 0; start < responses; start += Chunk)
        {
            var end = Math.Min(responses, start + Chunk);
            await BulkInsert.InsertAsync(connection, '"' + responseTable + '"', responseColumns,
                Enumerable.Range(start, end - start).Select(i => new object?[] { Id(ids[i]), survey, Day(days[i]) }));
            var rows = new List<object?[]>((end - start) * 5);
            for (var i = start; i < end; i++)
            {
                // Scores lean positive, as real ones do: about half promoters, a fifth detractors.
                int? nps = random.NextDouble() switch { < 0.2 => random.Next(0, 7), < 0.5 => random.Next(7, 9), _ => random.Next(9, 11) };
                int?[] numbers = [nps, random.Next(1, 6), random.Next(1, 8)];
                for (var q = 0; q < 3; q++)
                {
                    rows.Add(Answer(ids[i], days[i], questions[q], numbers[q], null, null));
                }

                rows.Add(Answer(ids[i], days[i], questions[3], null, options[random.Next(options.Count)], null));
                rows.Add(Answer(ids[i], days[i], questions[4], null, null, Texts[random.Next(Texts.Length)]));
            }

            written += await BulkInsert.InsertAsync(connection, '"' + answerTable + '"', answerColumns, rows);
            output.Write($"\rSeeding: {end:N0} of {responses:N0} responses, {written:N0} answers");
        }

        output.WriteLine();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync();
        }

        return new SeededSurvey(survey, questions[0], questions[1], questions[2], questions[3], options, questions[4], responses, written,
            '"' + responseTable + '"', '"' + answerTable + '"');

        object?[] Answer(Guid response, DateOnly day, long question, int? number, long? option, string? text) => answerKey == typeof(Guid)
            ? [Id(Guid.NewGuid()), Id(response), survey, Day(day), question, number, option, text]
            : [Id(response), survey, Day(day), question, number, option, text];
    }

    internal static string Column(IEntityType entity, string property) =>
        entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!;

    // The plugin's types are set by reflection: enums by name, since the dynamic binder sees them as object.
    internal static object New(Type type, params (string Name, object? Value)[] values)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var (name, value) in values)
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!;
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(instance, target.IsEnum && value is string text ? Enum.Parse(target, text) : value);
        }

        return instance;
    }

    internal static object Get(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance)!;
}
