using CrmBlazor.Sdk.Events;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Surveys;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;

/// <summary>A question as the builder loads it.</summary>
public sealed record Question(long Id, long SectionId, int Position, string Type, bool IsRequired, int? ScaleMin, int? ScaleMax, IReadOnlyDictionary<string, string> Texts,
    long? ShowIfQuestionId, string? ShowIfOperator, long? ShowIfValue, bool Retired, IReadOnlyList<(long Id, bool Retired)> Options);

/// <summary>A survey as the builder loads it.</summary>
public sealed record Design(long Id, string Name, string State, bool IsAnonymous, string Languages, Guid RowVersion, int AnswerCount, bool CanManage,
    IReadOnlyList<(long Id, bool Retired)> Sections, IReadOnlyList<Question> Questions)
{
    /// <summary>The first section's id.</summary>
    public long FirstSection => Sections[0].Id;

    /// <summary>A question by id.</summary>
    public Question Of(long questionId) => Questions.Single(q => q.Id == questionId);
}

/// <summary>One question's results: the count, the count per scale value and per option, and the scores.</summary>
public sealed record QuestionResults(long Id, int Answers, IReadOnlyList<(int Value, int Count)> Scale, IReadOnlyList<(long OptionId, int Count)> Options,
    decimal? Average, decimal? Nps, decimal? Csat, int TextAnswers)
{
    /// <summary>How many gave a value.</summary>
    public int CountOf(int value) => Scale.Single(s => s.Value == value).Count;
}

/// <summary>One period of the trend.</summary>
public sealed record Trend(DateOnly Start, int Responses, bool Hidden, decimal? Nps, decimal? Csat, decimal? Effort);

/// <summary>A survey's results as the results page gets them: with the invitations sent and answered, and whether a filter was refused.</summary>
public sealed record Results(int Responses, bool Hidden, IReadOnlyList<QuestionResults> Questions, IReadOnlyList<Trend> Trend,
    int Sent = 0, int Answered = 0, decimal? Rate = null, bool FilterRefused = false)
{
    /// <summary>A question's results.</summary>
    public QuestionResults Of(long questionId) => Questions.Single(q => q.Id == questionId);
}

/// <summary>One named answer and its closed loop, as the results page gets it.</summary>
public sealed record Loop(Guid ResponseId, long CustomerId, long? ContactId, int? Score, string State, string? Note, long? FollowUpId);
/// <summary>One customer's scores in a survey.</summary>
public sealed record CustomerScores(long CustomerId, int Responses, decimal? Nps, decimal? Csat);

/// <summary>A survey as the list shows it.</summary>
public sealed record Listed(long Id, string Name, string State, int Questions, int Answers);

/// <summary>
/// Drives the surveys plugin inside a running host as its pages do: its services are taken from the
/// assembly the host loaded (the tests never reference the plugin) and called as a signed-in user.
/// Inputs are the plugin's own types, filled by name.
/// </summary>
public sealed class SurveysPlugin : PluginDriver
{
    public const string Id = "surveys";
    public const string Root = "CrmBlazor.Plugins.Surveys.";

    private SurveysPlugin(CrmHostFactory host)
        : base(host, Id, Root)
    {
    }

    /// <summary>The plugin as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    /// <exception cref="InvalidOperationException">The plugin is not loaded.</exception>
    public static SurveysPlugin In(CrmHostFactory host) => new(host);

    /// <summary>
    /// Takes a turn of the host's answer page as a request being served would (its gate's lease), so that a test
    /// knows the page is busy: disposing it gives the turn back.
    /// </summary>
    public async Task<IDisposable> TakeAnswerPageTurnAsync()
    {
        dynamic gate = Host.Services.GetRequiredService(Type("Features.Answering.AnswerPageGate"));
        IDisposable? turn = await gate.EnterAsync(CancellationToken.None);
        Assert.True((int)gate.Load.Item1 >= 1);
        return turn ?? throw new InvalidOperationException("The answer page had no turn to give.");
    }

    /// <summary>Creates a survey as someone; the settings start as a manager would fill them (an NPS survey in English) and <paramref name="fill"/> changes them.</summary>
    public Task<Outcome> CreateAsync(Person actor, Action<dynamic>? fill = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Surveys.SurveyInput");
        input.Name = "Survey " + Guid.NewGuid().ToString("N")[..8];
        fill?.Invoke(input);
        dynamic surveys = Service(services, "Features.Surveys.SurveyService");
        return (Outcome)Read(await surveys.CreateAsync(input, CancellationToken.None));
    });

    /// <summary>Creates a survey as someone and returns its design; fails the test when refused.</summary>
    public async Task<Design> CreatedAsync(Person actor, Action<dynamic>? fill = null)
    {
        var outcome = await CreateAsync(actor, fill);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        return await DesignAsync(actor, outcome.Id!.Value);
    }

    /// <summary>Changes a survey's settings as someone, starting from what is stored, at the version given (the stored one when null).</summary>
    public Task<Outcome> UpdateAsync(Person actor, long surveyId, Action<dynamic> fill, Guid? rowVersion = null) => AsAsync(actor, async services =>
    {
        dynamic builder = Service(services, "Features.Builder.SurveyBuilderService");
        dynamic design = await builder.GetAsync(surveyId, CancellationToken.None);
        dynamic survey = design.Survey;
        dynamic input = New("Features.Surveys.SurveyInput");
        input.Name = survey.Name;
        input.Kind = survey.Kind;
        input.Languages = new List<string>((IEnumerable<string>)survey.LanguageList);
        input.IsAnonymous = survey.IsAnonymous;
        input.ClosedLoop = survey.ClosedLoop;
        input.MinimumGroupSize = survey.MinimumGroupSize;
        input.RowVersion = rowVersion ?? (Guid)survey.RowVersion;
        fill(input);
        dynamic surveys = Service(services, "Features.Surveys.SurveyService");
        return (Outcome)Read(await surveys.UpdateAsync(surveyId, input, CancellationToken.None));
    });

    /// <summary>A survey's design as someone sees it in the builder; null when there is none.</summary>
    public Task<Design> DesignAsync(Person actor, long surveyId) => AsAsync(actor, async services =>
    {
        dynamic builder = Service(services, "Features.Builder.SurveyBuilderService");
        dynamic design = await builder.GetAsync(surveyId, CancellationToken.None);
        dynamic survey = design.Survey;
        var sections = new List<(long, bool)>();
        foreach (var section in survey.Sections)
        {
            sections.Add(((long)section.Id, (bool)(section.RetiredAt != null)));
        }

        var questions = new List<Question>();
        foreach (var q in survey.Questions)
        {
            var options = new List<(long, bool)>();
            foreach (var option in q.Options)
            {
                options.Add(((long)option.Id, (bool)(option.RetiredAt != null)));
            }

            questions.Add(new Question((long)q.Id, (long)q.SectionId, (int)q.Position, q.Type.ToString(), (bool)q.IsRequired, (int?)q.ScaleMin, (int?)q.ScaleMax,
                new Dictionary<string, string>((Dictionary<string, string>)q.Texts), (long?)q.ShowIfQuestionId, q.ShowIfOperator?.ToString(), (long?)q.ShowIfValue,
                (bool)(q.RetiredAt != null), options.OrderBy(o => o.Item1).ToList()));
        }

        return new Design((long)survey.Id, (string)survey.Name, survey.State.ToString(), (bool)survey.IsAnonymous, (string)survey.Languages, (Guid)survey.RowVersion,
            (int)design.AnswerCount, (bool)design.CanManage, sections, questions.OrderBy(q => q.SectionId).ThenBy(q => q.Position).ToList());
    });

    /// <summary>A page of the survey list as someone sees it.</summary>
    public Task<(List<Listed> Rows, int Total)> ListAsync(Person actor, int page = 0, int pageSize = 100) => AsAsync(actor, async services =>
    {
        dynamic surveys = Service(services, "Features.Surveys.SurveyService");
        dynamic result = await surveys.ListAsync(page, pageSize, CancellationToken.None);
        var rows = new List<Listed>();
        foreach (var row in result.Rows)
        {
            rows.Add(new Listed((long)row.Id, (string)row.Name, row.State.ToString(), (int)row.Questions, (int)row.Answers));
        }

        return (rows, (int)result.Total);
    });

    /// <summary>Adds a question to a section as someone, at a version of the survey; <paramref name="fill"/> sets more than the type and texts.</summary>
    /// <param name="texts">Texts per language code.</param>
    public Task<Outcome> AddQuestionAsync(Person actor, long sectionId, string type, Guid rowVersion, IReadOnlyDictionary<string, string>? texts = null, Action<dynamic>? fill = null) => AsAsync(actor, async services =>
    {
        var input = QuestionInput(type, rowVersion, texts ?? new Dictionary<string, string> { ["en"] = "How likely are you to recommend us?" });
        fill?.Invoke(input);
        dynamic builder = Service(services, "Features.Builder.SurveyBuilderService");
        return (Outcome)Read(await builder.AddQuestionAsync(sectionId, input, CancellationToken.None));
    });

    /// <summary>Adds a question and returns its id; fails the test when refused.</summary>
    public async Task<long> AddedQuestionAsync(Person actor, long surveyId, string type, IReadOnlyDictionary<string, string>? texts = null, Action<dynamic>? fill = null)
    {
        var design = await DesignAsync(actor, surveyId);
        var outcome = await AddQuestionAsync(actor, design.FirstSection, type, design.RowVersion, texts, fill);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
        return outcome.Id!.Value;
    }

    /// <summary>Changes a question as someone, starting from what is stored (type, texts, options, condition), at the survey's current version unless given.</summary>
    public Task<Outcome> UpdateQuestionAsync(Person actor, long surveyId, long questionId, Action<dynamic> fill, Guid? rowVersion = null) => AsAsync(actor, async services =>
    {
        dynamic builder = Service(services, "Features.Builder.SurveyBuilderService");
        dynamic design = await builder.GetAsync(surveyId, CancellationToken.None);
        dynamic stored = null!;
        foreach (var q in design.Survey.Questions)
        {
            if ((long)q.Id == questionId)
            {
                stored = q;
            }
        }

        var input = QuestionInput(stored.Type.ToString(), rowVersion ?? (Guid)design.Survey.RowVersion, (Dictionary<string, string>)stored.Texts);
        input.IsRequired = stored.IsRequired;
        input.RatingMax = stored.Type.ToString() == "Rating" ? stored.ScaleMax : null;
        input.ShowIfQuestionId = stored.ShowIfQuestionId;
        input.ShowIfOperator = stored.ShowIfOperator;
        input.ShowIfValue = stored.ShowIfValue;
        foreach (var option in stored.Options)
        {
            if (option.RetiredAt == null)
            {
                dynamic optionInput = New("Features.Builder.OptionInput");
                optionInput.Id = (long?)option.Id;
                foreach (var (language, text) in (Dictionary<string, string>)option.Texts)
                {
                    optionInput.Texts.Add(Text(language, text));
                }

                input.Options.Add(optionInput);
            }
        }

        fill(input);
        return (Outcome)Read(await builder.UpdateQuestionAsync(questionId, input, CancellationToken.None));
    });

    /// <summary>Removes a question as someone, at the survey's current version.</summary>
    public Task<Outcome> RemoveQuestionAsync(Person actor, long surveyId, long questionId) => ChangeAsync(actor, surveyId, (builder, version) => builder.RemoveQuestionAsync(questionId, version, CancellationToken.None));

    /// <summary>Moves a question up (−1) or down (+1) as someone, at the survey's current version.</summary>
    public Task<Outcome> MoveQuestionAsync(Person actor, long surveyId, long questionId, int offset) => ChangeAsync(actor, surveyId, (builder, version) => builder.MoveQuestionAsync(questionId, offset, version, CancellationToken.None));

    /// <summary>Adds a section as someone, at the survey's current version.</summary>
    public Task<Outcome> AddSectionAsync(Person actor, long surveyId, string title) => ChangeAsync(actor, surveyId, (builder, version) =>
    {
        dynamic input = New("Features.Builder.SectionInput");
        input.Titles.Add(Text("en", title));
        input.RowVersion = version;
        return builder.AddSectionAsync(surveyId, input, CancellationToken.None);
    });

    /// <summary>Removes a section as someone, at the survey's current version.</summary>
    public Task<Outcome> RemoveSectionAsync(Person actor, long surveyId, long sectionId) => ChangeAsync(actor, surveyId, (builder, version) => builder.RemoveSectionAsync(sectionId, version, CancellationToken.None));

    /// <summary>Opens a survey for answers as someone, at its current version.</summary>
    public Task<Outcome> OpenAsync(Person actor, long surveyId) => AsAsync(actor, async services =>
    {
        var version = (await DesignAsync(actor, surveyId)).RowVersion;
        dynamic surveys = Service(services, "Features.Surveys.SurveyService");
        return (Outcome)Read(await surveys.OpenAsync(surveyId, version, CancellationToken.None));
    });

    /// <summary>Invites a contact of a customer to a survey as someone; <paramref name="fill"/> sets the language and how long the link works.</summary>
    /// <returns>The outcome and the personal link when saved.</returns>
    public Task<(Outcome Outcome, string? Link)> InviteAsync(Person actor, long surveyId, long customerId, long contactId, Action<dynamic>? fill = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Invitations.InvitationInput");
        input.CustomerId = customerId;
        input.ContactId = contactId;
        fill?.Invoke(input);
        dynamic invitations = Service(services, "Features.Invitations.InvitationService");
        dynamic invited = await invitations.InviteAsync(surveyId, input, CancellationToken.None);
        return ((Outcome)Read(invited.Result), (string?)invited.Link);
    });

    /// <summary>Switches a survey's public link on (or makes it anew) as someone, at the survey's current version (as they see it) unless one is given.</summary>
    /// <returns>The outcome and the absolute public link when saved.</returns>
    public Task<(Outcome Outcome, string? Link)> MakePublicLinkAsync(Person actor, long surveyId, int validDays = 30, Guid? rowVersion = null) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.PublicLinks.PublicLinkInput");
        input.ValidDays = validDays;
        input.RowVersion = rowVersion ?? (await DesignAsync(actor, surveyId)).RowVersion;
        dynamic publicLinks = Service(services, "Features.PublicLinks.PublicLinkService");
        dynamic made = await publicLinks.MakeAsync(surveyId, input, CancellationToken.None);
        return ((Outcome)Read(made.Result), (string?)made.Link);
    });

    /// <summary>Switches a survey's public link off as someone, at the survey's current version.</summary>
    public Task<Outcome> SwitchPublicLinkOffAsync(Person actor, long surveyId) => AsAsync(actor, async services =>
    {
        var version = (await DesignAsync(actor, surveyId)).RowVersion;
        dynamic publicLinks = Service(services, "Features.PublicLinks.PublicLinkService");
        return (Outcome)Read(await publicLinks.SwitchOffAsync(surveyId, version, CancellationToken.None));
    });

    /// <summary>Changes how a survey is sent without a manager, as someone, at its current version.</summary>
    public Task<Outcome> SendingSettingsAsync(Person actor, long surveyId, int remindAfterDays, bool onProjectCompleted) => AsAsync(actor, async services =>
    {
        var version = (await DesignAsync(actor, surveyId)).RowVersion;
        dynamic input = New("Features.Sending.SendingSettingsInput");
        input.RemindAfterDays = remindAfterDays;
        input.OnProjectCompleted = onProjectCompleted;
        input.RowVersion = version;
        dynamic sending = Service(services, "Features.Sending.SendingService");
        return (Outcome)Read(await sending.SaveSettingsAsync(surveyId, input, CancellationToken.None));
    });

    /// <summary>Starts a send of a survey to a segment as someone, as the send page does (the job is queued in the host).</summary>
    /// <returns>The outcome and the send's id when queued.</returns>
    public Task<(Outcome Outcome, Guid? SendId)> StartSegmentSendAsync(Person actor, long surveyId, long segmentId, int validDays = 30) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Sending.SegmentSendInput");
        input.AudienceId = segmentId;
        input.ValidDays = validDays;
        dynamic sending = Service(services, "Features.Sending.SendingService");
        dynamic started = await sending.StartSegmentSendAsync(surveyId, input, CancellationToken.None);
        return ((Outcome)Read(started.Result), (Guid?)started.SendId);
    });

    /// <summary>A send's counts as the page shows them, once the job has finished it.</summary>
    public async Task<(int Recipients, int Invited, int WithoutEmail, int AlreadyInvited, string? Stopped)> FinishedSendAsync(Guid sendId, CrmBlazor.Testing.Databases.TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var rows = await Eventually.ReturnsAsync(
            "the send finished",
            () => database.QueryAsync("""SELECT * FROM surveys_sends WHERE "Id" = @p0""", sendId),
            r => r.Count == 1 && r[0]["FinishedAt"] is not null and not DBNull);
        var row = rows[0];
        int Int(string column) => Convert.ToInt32(row[column], System.Globalization.CultureInfo.InvariantCulture);
        return (Int("Recipients"), Int("Invited"), Int("WithoutEmail"), Int("AlreadyInvited"), row["Stopped"] as string);
    }

    /// <summary>
    /// Records a send of a survey to a segment as the send page does, without queuing its job (a test queues it
    /// with <see cref="QueueJobAsync"/>, such as in a host it is about to kill).
    /// </summary>
    /// <returns>The send's id.</returns>
    public Task<Guid> RecordSendAsync(long surveyId, long segmentId, int validDays = 30) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(Type("Data.SurveysDbContext"));
        dynamic send = New("Data.SurveySend");
        var id = Guid.NewGuid();
        send.Id = id;
        send.SurveyId = surveyId;
        send.AudienceId = segmentId;
        send.AudienceName = "Segment " + segmentId;
        send.ValidDays = validDays;
        send.StartedAt = DateTimeOffset.UtcNow;
        db.Add((object)send);
        await db.SaveChangesAsync();
        return id;
    });

    /// <summary>The arguments of a segment send's job.</summary>
    public object SendArguments(Guid sendId) => Activator.CreateInstance(Type("Jobs.SegmentSendJob+Arguments"), sendId)!;

    /// <summary>Delivers a domain event to one of the plugin's handlers, as the host's dispatcher does (each delivery in its own scope).</summary>
    /// <param name="handler">The handler's type name under the plugin's namespace.</param>
    /// <param name="domainEvent">The event.</param>
    public Task DeliverAsync<TEvent>(string handler, TEvent domainEvent)
        where TEvent : IDomainEvent => Host.InScopeAsync(async services =>
    {
        var instance = (IDomainEventHandler<TEvent>)ActivatorUtilities.CreateInstance(services, Type(handler));
        await instance.HandleAsync(domainEvent, new DomainEventContext(Guid.NewGuid(), DateTimeOffset.UtcNow, 1), CancellationToken.None);
    });

    /// <summary>Submits answers through a personal link's token, as the answer page does: the values posted per question.</summary>
    /// <returns>The status and the English problem per question id.</returns>
    public Task<(string Status, IReadOnlyDictionary<long, string> Problems)> SubmitAsync(string token, IReadOnlyDictionary<long, string[]> values) => Host.InScopeAsync(async services =>
    {
        var posted = values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value);
        dynamic answers = Service(services, "Features.Invitations.AnswerService");
        dynamic outcome = await answers.SubmitAsync(token, posted, CancellationToken.None);
        var problems = new Dictionary<long, string>();
        foreach (dynamic pair in outcome.Problems)
        {
            problems[(long)pair.Key] = pair.Value.ToString();
        }

        return ((string)outcome.Status.ToString(), (IReadOnlyDictionary<long, string>)problems);
    });

    /// <summary>An open survey in the languages given with one NPS question; returns its id.</summary>
    public async Task<long> OpenSurveyAsync(Person manager, params string[] languages)
    {
        var codes = languages.Length == 0 ? ["en"] : languages;
        var design = await CreatedAsync(manager, input => input.Languages = new List<string>(codes));
        await AddedQuestionAsync(manager, design.Id, "Nps", codes.ToDictionary(c => c, c => "How likely are you to recommend us? (" + c + ")"));
        var opened = await OpenAsync(manager, design.Id);
        Assert.True(opened.Saved, string.Join(" ", opened.Messages));
        return design.Id;
    }

    /// <summary>
    /// Stores a response with one number per question, as the answer page will: straight into the plugin's
    /// tables (the public answer page comes later), so that the versioning rules have answers to keep.
    /// </summary>
    public Task AnswerAsync(long surveyId, params (long QuestionId, int Number)[] answers) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(Type("Data.SurveysDbContext"));
        db.Add(Response(surveyId, DateOnly.FromDateTime(DateTime.UtcNow), answers.Select(a => (a.QuestionId, (int?)a.Number, (long?)null, (string?)null))));
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// Stores a response given on a day, with numbers, chosen options and texts per question, straight into
    /// the plugin's tables as the answer page will.
    /// </summary>
    public Task AnswerOnAsync(long surveyId, DateOnly day, params (long QuestionId, int? Number, long? OptionId, string? Text)[] answers) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(Type("Data.SurveysDbContext"));
        db.Add(Response(surveyId, day, answers));
        await db.SaveChangesAsync();
    });

    // A response of a survey on a day with its answers, as the submit builds it (not yet added to a context).
    private object Response(long surveyId, DateOnly day, IEnumerable<(long QuestionId, int? Number, long? OptionId, string? Text)> answers)
    {
        dynamic response = New("Data.SurveyResponse");
        response.Id = Guid.NewGuid();
        response.SurveyId = surveyId;
        response.AnsweredOn = day;
        foreach (var (questionId, number, optionId, text) in answers)
        {
            dynamic answer = New("Data.SurveyAnswer");
            answer.SurveyId = surveyId;
            answer.AnsweredOn = response.AnsweredOn;
            answer.QuestionId = questionId;
            answer.Number = number;
            answer.OptionId = optionId;
            answer.Text = text;
            response.Answers.Add(answer);
        }

        return response;
    }

    /// <summary>A survey's results as someone sees them, by months or weeks ("Month", "Week"), narrowed to a customer or a segment when given.</summary>
    public Task<Results> ResultsAsync(Person actor, long surveyId, string period = "Month", long? customerId = null, long? segmentId = null) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Results.SurveyResultsService");
        dynamic results = await service.GetAsync(surveyId, (dynamic)Filter(customerId, segmentId), (dynamic)Enum.Parse(Type("Features.Results.TrendPeriod"), period), CancellationToken.None);
        var questions = new List<QuestionResults>();
        foreach (var q in results.Questions)
        {
            var scale = new List<(int, int)>();
            foreach (var s in q.Scale)
            {
                scale.Add(((int)s.Value, (int)s.Count));
            }

            var options = new List<(long, int)>();
            foreach (var o in q.Options)
            {
                options.Add(((long)o.OptionId, (int)o.Count));
            }

            questions.Add(new QuestionResults((long)q.Question.Id, (int)q.Answers, scale, options, (decimal?)q.Average,
                q.Nps == null ? null : (decimal?)q.Nps.Score, q.Csat == null ? null : (decimal?)q.Csat.Score, (int)q.TextAnswers));
        }

        var trend = new List<Trend>();
        foreach (var t in results.Trend)
        {
            trend.Add(new Trend((DateOnly)t.Start, (int)t.Responses, (bool)t.Hidden, (decimal?)t.Nps, (decimal?)t.Csat, (decimal?)t.Effort));
        }

        return new Results((int)results.Responses, (bool)results.Hidden, questions, trend,
            (int)results.Rate.Sent, (int)results.Rate.Answered, (decimal?)results.Rate.Percent, (bool)results.FilterRefused);
    });

    /// <summary>Performs every pending answer effect now, as the sweep does; returns how many responses it handled.</summary>
    public Task<int> RunEffectsAsync() => Host.InScopeAsync(async services =>
    {
        dynamic effects = Service(services, "Features.Effects.AnswerEffects");
        return (int)await effects.RunPendingAsync(CancellationToken.None);
    });

    /// <summary>Performs one response's pending effects now, as its queued job does.</summary>
    public Task RunEffectsOfAsync(Guid responseId) => Host.InScopeAsync(async services =>
    {
        dynamic effects = Service(services, "Features.Effects.AnswerEffects");
        await effects.RunAsync(responseId, CancellationToken.None);
    });

    /// <summary>A survey's named answers with their closed-loop state, as someone sees them.</summary>
    public Task<List<Loop>> LoopAsync(Person actor, long surveyId) => AsAsync(actor, async services =>
    {
        dynamic loops = Service(services, "Features.ClosedLoop.ClosedLoopService");
        var rows = new List<Loop>();
        foreach (var row in await loops.ListAsync(surveyId, 100, CancellationToken.None))
        {
            rows.Add(new Loop((Guid)row.ResponseId, (long)row.CustomerId, (long?)row.ContactId, (int?)row.Score, row.State.ToString(), (string?)row.Note, (long?)row.FollowUpId));
        }

        return rows;
    });

    /// <summary>The customers' latest scores as another plugin reads them.</summary>
    public Task<IReadOnlyDictionary<long, CustomerSurveyScores>> ScoresAsync(IReadOnlyCollection<long>? customerIds) =>
        Host.InScopeAsync(services => services.GetRequiredService<ISurveyScores>().GetLatestAsync(customerIds, CancellationToken.None));

    /// <summary>The plugin's part of a person's data export.</summary>
    public Task<object?> ExportAsync(PersonalDataSubject subject) =>
        Host.InScopeAsync(services => ((IPersonalDataContributor)Service(services, "Features.Privacy.SurveysPersonalData")).ExportAsync(subject, CancellationToken.None));

    /// <summary>The plugin's part of a person's erasure; returns its account.</summary>
    public Task<string> EraseAsync(PersonalDataSubject subject) =>
        Host.InScopeAsync(services => ((IPersonalDataContributor)Service(services, "Features.Privacy.SurveysPersonalData")).EraseAsync(subject, CancellationToken.None));

    /// <summary>
    /// Leaves what a named survey's submit commits, and nothing more, as if the process died right after
    /// the commit: the response, its numbers, the respondent and the pending-effects row; no job queued.
    /// </summary>
    /// <returns>The response's id.</returns>
    public Task<Guid> CommittedAnswerAsync(long surveyId, long customerId, long contactId, DateTimeOffset submittedAt, params (long QuestionId, int Number)[] answers) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(Type("Data.SurveysDbContext"));
        dynamic response = Response(surveyId, DateOnly.FromDateTime(submittedAt.UtcDateTime), answers.Select(a => (a.QuestionId, (int?)a.Number, (long?)null, (string?)null)));
        dynamic respondent = New("Data.SurveyRespondent");
        respondent.ResponseId = response.Id;
        respondent.SurveyId = surveyId;
        respondent.CustomerId = customerId;
        respondent.ContactId = contactId;
        respondent.SubmittedAt = submittedAt;
        dynamic pending = New("Data.SurveyPendingEffect");
        pending.ResponseId = response.Id;
        pending.SurveyId = surveyId;
        pending.CreatedAt = submittedAt;
        db.Add((object)response);
        db.Add((object)respondent);
        db.Add((object)pending);
        await db.SaveChangesAsync();
        return (Guid)response.Id;
    });

    /// <summary>Writes a pending-effects row again for every named answer of a survey, as a run that died before deleting its row leaves it.</summary>
    public Task PendAgainAsync(long surveyId) => Host.InScopeAsync(async services =>
    {
        var db = (DbContext)services.GetRequiredService(Type("Data.SurveysDbContext"));
        dynamic context = db;
        var ids = new List<Guid>();
        foreach (var respondent in context.Respondents)
        {
            if ((long)respondent.SurveyId == surveyId)
            {
                ids.Add((Guid)respondent.ResponseId);
            }
        }

        foreach (var id in ids)
        {
            dynamic pending = New("Data.SurveyPendingEffect");
            pending.ResponseId = id;
            pending.SurveyId = surveyId;
            pending.CreatedAt = DateTimeOffset.UtcNow;
            db.Add((object)pending);
        }

        await db.SaveChangesAsync();
    });
    /// <summary>A page of the NPS and CSAT per customer as someone sees it, narrowed to a customer or a segment when given.</summary>
    public Task<(List<CustomerScores> Rows, int Total)> CustomerScoresAsync(Person actor, long surveyId, long? customerId = null, long? segmentId = null, int page = 0, int pageSize = 50) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Results.SurveyResultsService");
        dynamic result = await service.CustomersAsync(surveyId, (dynamic)Filter(customerId, segmentId), page, pageSize, CancellationToken.None);
        var rows = new List<CustomerScores>();
        foreach (var row in result.Rows)
        {
            rows.Add(new CustomerScores((long)row.CustomerId, (int)row.Responses, (decimal?)row.Nps, (decimal?)row.Csat));
        }

        return (rows, (int)result.Total);
    });

    /// <summary>A page of a text question's answers as someone sees them: the texts, how many there are, and whether they are withheld.</summary>
    public Task<(List<string> Texts, int Total, bool Hidden)> TextsAsync(Person actor, long surveyId, long questionId, long? customerId = null, int page = 0, int pageSize = 20) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Results.SurveyResultsService");
        dynamic result = await service.TextsAsync(surveyId, questionId, (dynamic)Filter(customerId, null), page, pageSize, CancellationToken.None);
        var texts = new List<string>();
        foreach (var row in result.Rows)
        {
            texts.Add((string)row.Text);
        }

        return (texts, (int)result.Total, (bool)result.Hidden);
    });

    private object Filter(long? customerId, long? segmentId) => Activator.CreateInstance(Type("Features.Results.ResultsFilter"), customerId, segmentId)!;

    /// <summary>How many answers a question has in the database.</summary>
    public Task<long> AnswersOfAsync(long questionId, CrmBlazor.Testing.Databases.TestDatabase database) =>
        database.ScalarAsync<long>("""SELECT COUNT(*) FROM surveys_answers WHERE "QuestionId" = @p0""", questionId);

    private Task<Outcome> ChangeAsync(Person actor, long surveyId, Func<dynamic, Guid, dynamic> change) => AsAsync(actor, async services =>
    {
        dynamic builder = Service(services, "Features.Builder.SurveyBuilderService");
        dynamic design = await builder.GetAsync(surveyId, CancellationToken.None);
        return (Outcome)Read(await change(builder, (Guid)design.Survey.RowVersion));
    });

    private dynamic QuestionInput(string type, Guid rowVersion, IReadOnlyDictionary<string, string> texts)
    {
        dynamic input = New("Features.Builder.QuestionInput");
        input.Type = (dynamic)Enum.Parse(Type("Data.QuestionType"), type);
        input.RowVersion = rowVersion;
        foreach (var (language, text) in texts)
        {
            input.Texts.Add(Text(language, text));
        }

        return input;
    }

    /// <summary>An option of a choice question, in English.</summary>
    public dynamic Option(string text, long? id = null)
    {
        dynamic option = New("Features.Builder.OptionInput");
        option.Id = id;
        option.Texts.Add(Text("en", text));
        return option;
    }

    /// <summary>A show-if operator by name.</summary>
    public object Operator(string name) => Enum.Parse(Type("Data.ShowIfOperator"), name);

    private dynamic Text(string language, string text)
    {
        dynamic input = New("Features.Builder.TextInput");
        input.Language = language;
        input.Text = text;
        return input;
    }
}
