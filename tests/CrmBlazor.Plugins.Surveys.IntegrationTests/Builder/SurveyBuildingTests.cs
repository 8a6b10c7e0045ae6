using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Builder;

/// <summary>
/// Building surveys through the plugin's services inside the host: creating and listing, questions with
/// texts per language and show-if conditions, who may do what, bad input refused with nothing saved,
/// and concurrent edits of the same survey detected.
/// </summary>
public abstract class SurveyBuildingTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task Manager_CreatingASurvey_GetsADraftWithOneSection_ListedWithoutAnswers()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);

        var design = await Surveys.CreatedAsync(manager, input =>
        {
            input.Name = "  ग्राहक संतोष · رضامندی  ";
            input.Languages = new List<string> { "ur", "en" };
        });

        Assert.Equal(("ग्राहक संतोष · رضامندی", "Draft", "en,ur", false), (design.Name, design.State, design.Languages, design.IsAnonymous));
        Assert.Single(design.Sections);
        Assert.Empty(design.Questions);
        var listed = (await Surveys.ListAsync(manager)).Rows.Single(r => r.Id == design.Id);
        Assert.Equal(("Draft", 0, 0), (listed.State, listed.Questions, listed.Answers));
    }

    [Fact]
    public async Task Create_WithoutAName_OrInALanguageTheCrmDoesNotSpeak_IsRefused_AndNothingIsSaved()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var before = (await Surveys.ListAsync(manager)).Total;

        var nameless = await Surveys.CreateAsync(manager, input => input.Name = "  ");
        var french = await Surveys.CreateAsync(manager, input => input.Languages = new List<string> { "fr" });
        var noLanguage = await Surveys.CreateAsync(manager, input => input.Languages = new List<string>());
        var overridden = await Surveys.CreateAsync(manager, input => input.Name = "Survey \u202Eevil");

        Assert.Equal(("Invalid", "Enter the survey's name."), (nameless.Status, nameless.Message));
        Assert.Equal(("Invalid", "Choose languages the CRM speaks."), (french.Status, french.Message));
        Assert.Equal(("Invalid", "Choose at least one language."), (noLanguage.Status, noLanguage.Message));
        Assert.Equal(("Invalid", "Name"), (overridden.Status, Assert.Single(overridden.Fields)));
        Assert.Equal(before, (await Surveys.ListAsync(manager)).Total);
    }

    [Fact]
    public async Task Staff_SeesSurveys_ButCannotCreateOrBuildThem()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var survey = await Surveys.CreatedAsync(manager);

        var created = await Surveys.CreateAsync(staff);
        var question = await Surveys.AddQuestionAsync(staff, survey.FirstSection, "Nps", survey.RowVersion);
        var renamed = await Surveys.UpdateAsync(staff, survey.Id, input => input.Name = "Mine now");
        var seen = await Surveys.DesignAsync(staff, survey.Id);

        Assert.Equal(("Forbidden", "Forbidden", "Forbidden"), (created.Status, question.Status, renamed.Status));
        Assert.Equal((survey.Name, false), (seen.Name, seen.CanManage));
        Assert.Empty(seen.Questions);
        Assert.Contains((await Surveys.ListAsync(staff)).Rows, r => r.Id == survey.Id);
    }

    [Fact]
    public async Task Accountant_WithoutTheSurveyPermissions_SeesNoSurveys()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var survey = await Surveys.CreatedAsync(manager);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Surveys.ListAsync(accountant));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Surveys.DesignAsync(accountant, survey.Id));
        Assert.Equal("Forbidden", (await Surveys.CreateAsync(accountant)).Status);
    }

    [Fact]
    public async Task Builder_NpsWithAFollowUpForDetractors_InTwoLanguages_KeepsTextsConditionAndOrder()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input => input.Languages = new List<string> { "en", "gu" });

        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps", new Dictionary<string, string>
        {
            ["en"] = "How likely are you to recommend us?",
            ["gu"] = "તમે અમારી ભલામણ કરો તેવી કેટલી શક્યતા છે?",
        });
        var why = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "What should we do better?", ["gu"] = "અમારે શું વધુ સારું કરવું જોઈએ?" }, input =>
        {
            input.IsRequired = false;
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });
        var opened = await Surveys.OpenAsync(manager, survey.Id);

        var design = await Surveys.DesignAsync(manager, survey.Id);
        Assert.True(opened.Saved, string.Join(" ", opened.Messages));
        Assert.Equal([nps, why], design.Questions.Select(q => q.Id));
        Assert.Equal(("Nps", 0, 10, true), (design.Of(nps).Type, design.Of(nps).ScaleMin, design.Of(nps).ScaleMax, design.Of(nps).IsRequired));
        Assert.Equal("તમે અમારી ભલામણ કરો તેવી કેટલી શક્યતા છે?", design.Of(nps).Texts["gu"]);
        Assert.Equal((nps, "AtMost", 6L, false), (design.Of(why).ShowIfQuestionId, design.Of(why).ShowIfOperator, design.Of(why).ShowIfValue, design.Of(why).IsRequired));
        Assert.Equal("Open", design.State);
        Assert.Equal(2, (await Surveys.ListAsync(manager)).Rows.Single(r => r.Id == survey.Id).Questions);
    }

    [Fact]
    public async Task Condition_OnAQuestionAfterIt_OrOutsideTheScale_IsRefused()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var later = await Surveys.AddedQuestionAsync(manager, survey.Id, "Csat", new Dictionary<string, string> { ["en"] = "How satisfied are you?" });

        var forward = await Surveys.UpdateQuestionAsync(manager, survey.Id, nps, input =>
        {
            input.ShowIfQuestionId = (long?)later;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)2;
        });
        var outside = await Surveys.UpdateQuestionAsync(manager, survey.Id, later, input =>
        {
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtLeast");
            input.ShowIfValue = (long?)11;
        });

        Assert.Equal(("Invalid", "A question can only depend on an earlier question of the survey."), (forward.Status, forward.Message));
        Assert.Equal(("Invalid", "The value must be from 0 to 10."), (outside.Status, outside.Message));
        Assert.All((await Surveys.DesignAsync(manager, survey.Id)).Questions, q => Assert.Null(q.ShowIfQuestionId));
    }

    [Fact]
    public async Task Moving_AQuestionAboveTheOneItDependsOn_IsRefused_WhileOtherMovesWork()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var free = await Surveys.AddedQuestionAsync(manager, survey.Id, "ShortText", new Dictionary<string, string> { ["en"] = "Anything else?" });
        var followUp = await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Why?" }, input =>
        {
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });

        var up = await Surveys.MoveQuestionAsync(manager, survey.Id, followUp, -1);
        var aboveItsQuestion = await Surveys.MoveQuestionAsync(manager, survey.Id, followUp, -1);

        Assert.True(up.Saved, string.Join(" ", up.Messages));
        Assert.Equal(("Invalid", "A question can only depend on an earlier question of the survey: change the conditions that look at it first."), (aboveItsQuestion.Status, aboveItsQuestion.Message));
        Assert.Equal([nps, followUp, free], (await Surveys.DesignAsync(manager, survey.Id)).Questions.Select(q => q.Id));
    }

    [Fact]
    public async Task Removing_AQuestionOthersDependOn_IsRefused()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AddedQuestionAsync(manager, survey.Id, "LongText", new Dictionary<string, string> { ["en"] = "Why?" }, input =>
        {
            input.ShowIfQuestionId = (long?)nps;
            input.ShowIfOperator = (dynamic)Surveys.Operator("AtMost");
            input.ShowIfValue = (long?)6;
        });

        var removed = await Surveys.RemoveQuestionAsync(manager, survey.Id, nps);

        Assert.Equal(("Invalid", "Other questions are shown depending on this one: change their conditions first."), (removed.Status, removed.Message));
        Assert.Equal(2, (await Surveys.DesignAsync(manager, survey.Id)).Questions.Count);
    }

    [Fact]
    public async Task Opening_WithATextMissingInOneOfTheSurveysLanguages_IsRefused()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input => input.Languages = new List<string> { "en", "ta" });
        await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");

        var opened = await Surveys.OpenAsync(manager, survey.Id);

        Assert.Equal(("Invalid", "Question 1 has no text in Tamil yet: write it in every language of the survey before opening it."), (opened.Status, opened.Message));
        Assert.Equal("Draft", (await Surveys.DesignAsync(manager, survey.Id)).State);
    }

    [Fact]
    public async Task Question_InALanguageTheSurveyIsNotWrittenIn_IsRefused()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);

        var outcome = await Surveys.AddQuestionAsync(manager, survey.FirstSection, "Csat", survey.RowVersion, new Dictionary<string, string> { ["ka"] = "რამდენად კმაყოფილი ხართ?" });

        Assert.Equal(("Invalid", "The survey is not written in Georgian: add the language to the survey first."), (outcome.Status, outcome.Message));
        Assert.Empty((await Surveys.DesignAsync(manager, survey.Id)).Questions);
    }

    [Fact]
    public async Task ChoiceQuestion_KeepsItsOptionsInOrder_AndAConditionOnAnOption()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input => input.Kind = (dynamic)Enum.Parse(Surveys.Type("Data.SurveyKind"), "Questionnaire"));
        var channel = await Surveys.AddedQuestionAsync(manager, survey.Id, "SingleChoice", new Dictionary<string, string> { ["en"] = "How did you hear of us?" }, input =>
        {
            input.Options.Add(Surveys.Option("A colleague"));
            input.Options.Add(Surveys.Option("A search"));
            input.Options.Add(Surveys.Option("Other"));
        });
        var other = (await Surveys.DesignAsync(manager, survey.Id)).Of(channel).Options[2].Id;

        var which = await Surveys.AddedQuestionAsync(manager, survey.Id, "ShortText", new Dictionary<string, string> { ["en"] = "Where?" }, input =>
        {
            input.ShowIfQuestionId = (long?)channel;
            input.ShowIfOperator = (dynamic)Surveys.Operator("Chosen");
            input.ShowIfValue = (long?)other;
        });
        var removeChosenOption = await Surveys.UpdateQuestionAsync(manager, survey.Id, channel, input => input.Options.RemoveAt(2));

        var design = await Surveys.DesignAsync(manager, survey.Id);
        Assert.Equal(3, design.Of(channel).Options.Count);
        Assert.Equal(("Chosen", (long?)other), (design.Of(which).ShowIfOperator, design.Of(which).ShowIfValue));
        Assert.Equal(("Invalid", "Another question is shown when a removed option is chosen: change its condition first."), (removeChosenOption.Status, removeChosenOption.Message));
    }

    [Fact]
    public async Task ConcurrentEdits_OfTheSameSurvey_TheSecondIsRefused_AndTheFirstKept()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);

        var first = await Surveys.AddQuestionAsync(manager, survey.FirstSection, "Nps", survey.RowVersion);
        var second = await Surveys.AddQuestionAsync(colleague, survey.FirstSection, "Csat", survey.RowVersion, new Dictionary<string, string> { ["en"] = "How satisfied are you?" });
        var staleSettings = await Surveys.UpdateAsync(colleague, survey.Id, input => input.Name = "Renamed", survey.RowVersion);

        Assert.True(first.Saved, string.Join(" ", first.Messages));
        const string conflict = "Someone else changed this survey meanwhile. Nothing was saved: reload and try again.";
        Assert.Equal(("Conflict", conflict), (second.Status, second.Message));
        Assert.Equal(("Conflict", conflict), (staleSettings.Status, staleSettings.Message));
        var design = await Surveys.DesignAsync(manager, survey.Id);
        Assert.Equal((survey.Name, "Nps"), (design.Name, Assert.Single(design.Questions).Type));
    }

    [Fact]
    public async Task Sections_AddedAndRemoved_TheLastOneStays()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);

        var added = await Surveys.AddSectionAsync(manager, survey.Id, "About the project");
        var removed = await Surveys.RemoveSectionAsync(manager, survey.Id, added.Id!.Value);
        var last = await Surveys.RemoveSectionAsync(manager, survey.Id, survey.FirstSection);

        Assert.True(removed.Saved, string.Join(" ", removed.Messages));
        Assert.Equal(("Invalid", "A survey keeps at least one section."), (last.Status, last.Message));
        Assert.Equal([survey.FirstSection], (await Surveys.DesignAsync(manager, survey.Id)).Sections.Select(s => s.Id));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SurveyBuildingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SurveyBuildingTests(fixture);
}
