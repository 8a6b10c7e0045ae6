using System.Reflection;
using CrmBlazor.Host.Features.Catalogue;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;

/// <summary>An opportunity as stored.</summary>
public sealed record StoredOpportunity(
    long Id,
    long CustomerId,
    string RuleId,
    string SituationKey,
    string Stage,
    string? ClosedBecause,
    double Score,
    decimal? EstimatedValue,
    string? Currency,
    string? OwnerUserId,
    Guid RowVersion)
{
    /// <summary>Whether it is open.</summary>
    public bool IsOpen => ClosedBecause is null;
}

/// <summary>An opportunity as its page shows it to someone.</summary>
public sealed record ShownOpportunity(long Id, string CustomerName, string RuleName, string Reason, IReadOnlyList<(string Label, string Value, string? Href)> Lines, string Stage, Guid RowVersion);

/// <summary>An evaluation run's figures.</summary>
public sealed record RunFigures(long Id, bool Finished, int Opened, int Updated, int Closed, string? Error, string RuleOutcomes);

/// <summary>
/// Drives the upsell plugin inside a running host as its pages and its job do: its services are taken from
/// the assembly the host loaded (the tests never reference the plugin) and called as a signed-in user, or
/// as the job (nobody signed in).
/// </summary>
public sealed partial class UpsellPlugin : PluginDriver
{
    public const string Id = "upsell";
    public const string Root = "CrmBlazor.Plugins.Upsell.";

    private readonly Assembly _projects;

    private UpsellPlugin(CrmHostFactory host)
        : base(host, Id, Root) => _projects = LoadedAssembly(host, "projects");

    /// <summary>The plugin as loaded by a host.</summary>
    /// <param name="host">The host.</param>
    public static UpsellPlugin In(CrmHostFactory host) => new(host);

    /// <summary>Creates an active project with a budget of hours (and a rate) through the projects plugin and returns its id.</summary>
    public Task<long> CreateProjectAsync(Person manager, long customerId, decimal? budgetHours, decimal? hourlyRate = null, string? name = null, decimal? budgetAmount = null) => AsAsync(manager, async services =>
    {
        dynamic input = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectInput", true)!)!;
        input.CustomerId = customerId;
        input.Name = name ?? "Project " + Guid.NewGuid().ToString("N")[..8];
        input.Status = ProjectStatus.Active;
        input.BudgetHours = budgetHours;
        input.BudgetAmount = budgetAmount;
        input.HourlyRate = hourlyRate;
        dynamic projects = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectService", true)!);
        var outcome = (Outcome)Read(await projects.CreateAsync(input, CancellationToken.None));
        return outcome.Saved ? outcome.Id!.Value : throw new InvalidOperationException("The project was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Logs time on a project through the projects plugin; fails the test if refused.</summary>
    public Task LogTimeAsync(Person person, long projectId, DateOnly date, int minutes) => AsAsync(person, async services =>
    {
        dynamic input = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Time.TimeEntryInput", true)!)!;
        input.ProjectId = projectId;
        input.Date = date;
        input.Minutes = minutes;
        dynamic time = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Time.TimeEntryService", true)!);
        var outcome = (Outcome)Read(await time.SaveEntryAsync(person.Id, input, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The time was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Moves a project to another status through the projects plugin.</summary>
    public Task ChangeProjectStatusAsync(Person manager, long projectId, ProjectStatus status) => AsAsync(manager, async services =>
    {
        var db = (DbContext)services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Data.ProjectsDbContext", true)!);
        dynamic project = (await db.FindAsync(_projects.GetType("CrmBlazor.Plugins.Projects.Data.Project", true)!, projectId))!;
        dynamic projects = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectService", true)!);
        var outcome = (Outcome)Read(await projects.ChangeStatusAsync(projectId, status, (Guid)project.RowVersion, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The status change was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>
    /// Changes a project through the projects plugin's edit, the way its edit page saves it: every value as stored
    /// except what <paramref name="change"/> sets on the input; fails the test if refused.
    /// </summary>
    private Task EditProjectAsync(Person manager, long projectId, Action<dynamic> change) => AsAsync(manager, async services =>
    {
        var db = (DbContext)services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Data.ProjectsDbContext", true)!);
        dynamic project = (await db.FindAsync(_projects.GetType("CrmBlazor.Plugins.Projects.Data.Project", true)!, projectId))!;
        dynamic input = Activator.CreateInstance(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectInput", true)!)!;
        input.CustomerId = (long?)project.CustomerId;
        input.Name = project.Name;
        input.Description = project.Description;
        input.Status = project.Status;
        input.StartDate = project.StartDate;
        input.EndDate = project.EndDate;
        input.OwnerUserId = project.OwnerUserId;
        input.BillingMode = project.BillingMode;
        input.HourlyRate = project.HourlyRate;
        input.BudgetHours = project.BudgetHours;
        input.BudgetAmount = project.BudgetAmount;
        input.ServiceId = project.ServiceId;
        input.MonthlyAllowanceHours = project.MonthlyAllowanceHours;
        input.RowVersion = (Guid)project.RowVersion;
        change(input);
        dynamic projects = services.GetRequiredService(_projects.GetType("CrmBlazor.Plugins.Projects.Features.Projects.ProjectService", true)!);
        var outcome = (Outcome)Read(await projects.UpdateAsync(projectId, input, CancellationToken.None));
        return outcome.Saved ? true : throw new InvalidOperationException("The project change was refused: " + string.Join(" ", outcome.Messages));
    });

    /// <summary>Changes a project's end date through the projects plugin's edit; fails the test if refused.</summary>
    public Task SetProjectEndAsync(Person manager, long projectId, DateOnly? endDate) => EditProjectAsync(manager, projectId, input => input.EndDate = endDate);

    /// <summary>Sets a project's service of the catalogue and its monthly allowance through the projects plugin's edit; fails the test if refused.</summary>
    public Task SetServiceAndAllowanceAsync(Person manager, long projectId, long? serviceId, decimal? monthlyAllowanceHours) =>
        EditProjectAsync(manager, projectId, input =>
        {
            input.ServiceId = serviceId;
            input.MonthlyAllowanceHours = monthlyAllowanceHours;
        });

    /// <summary>
    /// A contact's answer to a survey, the real way through the surveys plugin: a manager creates a named survey
    /// with one required question of the type given ("Nps" or "Csat"), opens it and invites the contact, who
    /// submits the score through the personal link as the answer page does. Waits until the answer effects the
    /// submit queued have run, so that no job of it is left running on the shared database. Returns the survey's id.
    /// </summary>
    public async Task<long> AnswerSurveyAsync(Person manager, long customerId, long contactId, string questionType, int score, TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var surveys = LoadedAssembly(Host, "surveys");
        Type Surveys(string name) => surveys.GetType("CrmBlazor.Plugins.Surveys." + name, true)!;
        var (surveyId, questionId, link) = await AsAsync(manager, async services =>
        {
            dynamic surveyService = services.GetRequiredService(Surveys("Features.Surveys.SurveyService"));
            dynamic builder = services.GetRequiredService(Surveys("Features.Builder.SurveyBuilderService"));
            dynamic survey = Activator.CreateInstance(Surveys("Features.Surveys.SurveyInput"))!;
            survey.Name = "Survey " + Guid.NewGuid().ToString("N")[..8];
            var id = ((Outcome)Read(await surveyService.CreateAsync(survey, CancellationToken.None))).SavedId;

            dynamic design = await builder.GetAsync(id, CancellationToken.None);
            dynamic question = Activator.CreateInstance(Surveys("Features.Builder.QuestionInput"))!;
            question.Type = (dynamic)Enum.Parse(Surveys("Data.QuestionType"), questionType);
            question.IsRequired = true;
            question.RowVersion = (Guid)design.Survey.RowVersion;
            dynamic text = Activator.CreateInstance(Surveys("Features.Builder.TextInput"))!;
            text.Language = "en";
            text.Text = questionType == "Nps" ? "How likely are you to recommend us?" : "How satisfied are you?";
            question.Texts.Add(text);
            long sectionId = 0;
            foreach (var section in design.Survey.Sections)
            {
                sectionId = (long)section.Id;
                break;
            }

            var questionId = ((Outcome)Read(await builder.AddQuestionAsync(sectionId, question, CancellationToken.None))).SavedId;
            design = await builder.GetAsync(id, CancellationToken.None);
            var opened = (Outcome)Read(await surveyService.OpenAsync(id, (Guid)design.Survey.RowVersion, CancellationToken.None));
            Assert.True(opened.Saved, string.Join(" ", opened.Messages));

            dynamic invitation = Activator.CreateInstance(Surveys("Features.Invitations.InvitationInput"))!;
            invitation.CustomerId = customerId;
            invitation.ContactId = contactId;
            dynamic invitations = services.GetRequiredService(Surveys("Features.Invitations.InvitationService"));
            dynamic invited = await invitations.InviteAsync(id, invitation, CancellationToken.None);
            var outcome = (Outcome)Read(invited.Result);
            Assert.True(outcome.Saved, string.Join(" ", outcome.Messages));
            return (id, questionId, (string)invited.Link);
        });

        var status = await Host.InScopeAsync(async services =>
        {
            dynamic answers = services.GetRequiredService(Surveys("Features.Invitations.AnswerService"));
            var values = new Dictionary<long, IReadOnlyList<string>> { [questionId] = [score.ToString(System.Globalization.CultureInfo.InvariantCulture)] };
            dynamic submitted = await answers.SubmitAsync(link["/surveys/answer/".Length..], values, CancellationToken.None);
            return (string)submitted.Status.ToString();
        });
        Assert.Equal("Saved", status);
        await Eventually.ReturnsAsync(
            "the answer effects jobs finished",
            () => database.ScalarAsync<long>("""SELECT COUNT(*) FROM crm_job_runs WHERE "JobId" = 'surveys:answer-effects' AND "State" IN ('Queued', 'Running')"""),
            running => running == 0,
            TimeSpan.FromMinutes(1));
        return surveyId;
    }

    /// <summary>Adds a service to the firm's catalogue (the core's, as its page does) and returns its id.</summary>
    public Task<long> CreateCatalogueServiceAsync(Person admin, string name) => AsAsync(admin, async services =>
    {
        var result = await services.GetRequiredService<ServiceAdministration>().CreateAsync(new ServiceInput { Name = name });
        return result.Succeeded ? result.Id!.Value : throw new InvalidOperationException("The service was refused: " + string.Join(" ", result.Messages.Select(m => m.Text)));
    });

    /// <summary>Adds a note of the fixture plugin to a customer, through its service, as someone who may.</summary>
    public Task AddFixtureNoteAsync(Person actor, long customerId) => AsAsync(actor, async services =>
    {
        var alpha = LoadedAssembly(Host, "fixture-alpha");
        dynamic notes = services.GetRequiredService(alpha.GetType("CrmBlazor.Fixtures.Alpha.Features.NoteService", true)!);
        await notes.AddAsync(customerId, "Asked about more seats", CancellationToken.None);
        return true;
    });

    /// <summary>Evaluates every enabled rule as the job does (nobody signed in) and returns the run's id.</summary>
    public Task<long> EvaluateAsync() => Host.InScopeAsync(async services =>
    {
        dynamic evaluator = Service(services, "Features.Evaluation.UpsellEvaluator");
        return (long)await evaluator.EvaluateAsync(null, CancellationToken.None);
    });

    /// <summary>A run's figures.</summary>
    public Task<RunFigures> RunAsync(long runId) => Host.InScopeAsync(async services =>
    {
        await using var db = await ContextAsync(services);
        var run = Rows(db, Type("Data.EvaluationRun")).Single(r => (long)r.Id == runId);
        return new RunFigures((long)run.Id, run.FinishedAt is not null, (int)run.Opened, (int)run.Updated, (int)run.Closed, (string?)run.Error, (string)run.RuleOutcomes);
    });

    /// <summary>Every opportunity of a customer, oldest first.</summary>
    public Task<List<StoredOpportunity>> OpportunitiesOfAsync(long customerId) => Host.InScopeAsync(async services =>
    {
        await using var db = await ContextAsync(services);
        return Rows(db, Type("Data.Opportunity"))
            .Where(o => (long)o.CustomerId == customerId)
            .Select(o => new StoredOpportunity((long)o.Id, (long)o.CustomerId, (string)o.RuleId, (string)o.SituationKey, o.Stage.ToString(), o.ClosedBecause?.ToString(),
                (double)o.Score, (decimal?)o.EstimatedValue, (string?)o.Currency, (string?)o.OwnerUserId, (Guid)o.RowVersion))
            .OrderBy(o => o.Id)
            .ToList();
    });

    /// <summary>An opportunity as someone's page shows it, or null when they may not see it.</summary>
    public Task<ShownOpportunity?> ShowAsync(Person actor, long id, string culture = "en") => AsAsync(actor, async services =>
    {
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            dynamic service = Service(services, "Features.Opportunities.OpportunityService");
            dynamic? details = await service.GetAsync(id, CancellationToken.None);
            if (details is null)
            {
                return (ShownOpportunity?)null;
            }

            var lines = new List<(string, string, string?)>();
            foreach (var line in details.Explanation.Lines)
            {
                lines.Add(((string)line.Label, (string)line.Value, (string?)line.Href));
            }

            return new ShownOpportunity((long)details.Card.Id, (string)details.Card.CustomerName, (string)details.Card.RuleName, (string)details.Card.Reason, lines,
                details.Card.Stage.ToString(), (Guid)details.Card.RowVersion);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    });

    /// <summary>The ids of the opportunities someone's list shows (all stages).</summary>
    public Task<List<long>> ListAsync(Person actor, string? ruleId = null) => AsAsync(actor, async services =>
    {
        dynamic filter = New("Features.Opportunities.OpportunityFilter");
        filter.RuleId = ruleId;
        filter.PageSize = 100;
        dynamic service = Service(services, "Features.Opportunities.OpportunityService");
        dynamic list = await service.ListAsync(filter, CancellationToken.None);
        var ids = new List<long>();
        foreach (var row in list.Rows)
        {
            ids.Add((long)row.Id);
        }

        return ids;
    });

    /// <summary>Moves an opportunity to a stage by name as someone.</summary>
    public Task<Outcome> MoveAsync(Person actor, long id, string stage, Guid version) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Opportunities.OpportunityService");
        var target = Enum.Parse(Type("Data.OpportunityStage"), stage);
        return (Outcome)Read(await service.MoveAsync(id, (dynamic)target, version, CancellationToken.None));
    });

    /// <summary>Dismisses an opportunity as someone.</summary>
    public Task<Outcome> DismissAsync(Person actor, long id, string? reason, DateOnly? snoozedUntil, Guid version) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Opportunities.DismissInput");
        input.Reason = reason;
        input.SnoozedUntil = snoozedUntil;
        input.RowVersion = version;
        dynamic service = Service(services, "Features.Opportunities.OpportunityService");
        return (Outcome)Read(await service.DismissAsync(id, input, CancellationToken.None));
    });

    /// <summary>Changes an opportunity's owner and value as someone.</summary>
    public Task<Outcome> EditAsync(Person actor, long id, string? owner, decimal? value, string? currency, Guid version) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Opportunities.OpportunityInput");
        input.OwnerUserId = owner;
        input.EstimatedValue = value;
        input.Currency = currency;
        input.RowVersion = version;
        dynamic service = Service(services, "Features.Opportunities.OpportunityService");
        return (Outcome)Read(await service.EditAsync(id, input, CancellationToken.None));
    });

    /// <summary>What the customer tab shows someone: the open and closed opportunities' ids and whether they see all of the customer's.</summary>
    public Task<(List<long> Open, List<long> Closed, bool SeesAll)> CustomerTabAsync(Person actor, long customerId) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Customers.CustomerOpportunities");
        dynamic list = await service.ForCustomerAsync(customerId, CancellationToken.None);
        var open = new List<long>();
        foreach (var card in list.Open)
        {
            open.Add((long)card.Id);
        }

        var closed = new List<long>();
        foreach (var row in list.Closed)
        {
            closed.Add((long)row.Card.Id);
        }

        return (open, closed, (bool)list.SeesAll);
    });

    /// <summary>What the dashboard widget shows someone: the ids of their best new opportunities and how many they have.</summary>
    public Task<(List<long> Best, int Count)> WidgetAsync(Person actor, int take = 5) => AsAsync(actor, async services =>
    {
        dynamic service = Service(services, "Features.Dashboard.MyOpportunities");
        dynamic mine = await service.NewAsync(take, CancellationToken.None);
        var best = new List<long>();
        foreach (var card in mine.Best)
        {
            best.Add((long)card.Id);
        }

        return (best, (int)mine.Count);
    });

    /// <summary>Sets a dismissed opportunity's snooze directly in the database (the day it ends has come).</summary>
    public Task EndSnoozeAsync(long id) => Host.InScopeAsync(async services =>
    {
        await using var db = await ContextAsync(services);
        dynamic row = Rows(db, Type("Data.Opportunity")).Single(o => (long)o.Id == id);
        row.SnoozedUntil = DateOnly.FromDateTime(DateTime.Today);
        await db.SaveChangesAsync();
        return true;
    });

    private async Task<DbContext> ContextAsync(IServiceProvider services)
    {
        var factoryType = typeof(IDbContextFactory<>).MakeGenericType(Type("Data.UpsellDbContext"));
        dynamic factory = services.GetRequiredService(factoryType);
        return (DbContext)await factory.CreateDbContextAsync(CancellationToken.None);
    }
}
