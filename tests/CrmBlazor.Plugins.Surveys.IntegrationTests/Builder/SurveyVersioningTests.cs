using CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Builder;

/// <summary>
/// Once a survey has answers, results must stay correct: a question's type and scale no longer change,
/// removed questions, options and sections are retired with their answers kept, and anonymity can no
/// longer be switched in either direction. Before answers, all of it may change and removal deletes.
/// </summary>
public abstract class SurveyVersioningTests(SurveysHostFixture fixture)
{
    private SurveysPlugin Surveys => fixture.Surveys;

    [Fact]
    public async Task WithoutAnswers_AQuestionsTypeAndScaleChange_AndRemovingDeletesIt()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var question = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");

        var toRating = await Surveys.UpdateQuestionAsync(manager, survey.Id, question, input =>
        {
            input.Type = (dynamic)Enum.Parse(Surveys.Type("Data.QuestionType"), "Rating");
            input.RatingMax = (int?)10;
        });
        var rated = (await Surveys.DesignAsync(manager, survey.Id)).Of(question);
        var removed = await Surveys.RemoveQuestionAsync(manager, survey.Id, question);

        Assert.True(toRating.Saved, string.Join(" ", toRating.Messages));
        Assert.Equal(("Rating", 1, 10), (rated.Type, rated.ScaleMin, rated.ScaleMax));
        Assert.True(removed.Saved, string.Join(" ", removed.Messages));
        Assert.Empty((await Surveys.DesignAsync(manager, survey.Id)).Questions);
    }

    [Fact]
    public async Task WithAnswers_AQuestionsType_CannotChange_ButItsTextCan()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var question = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AnswerAsync(survey.Id, (question, 9));

        var toCsat = await Surveys.UpdateQuestionAsync(manager, survey.Id, question, input => input.Type = (dynamic)Enum.Parse(Surveys.Type("Data.QuestionType"), "Csat"));
        var reworded = await Surveys.UpdateQuestionAsync(manager, survey.Id, question, input => input.Texts[0].Text = "Would you recommend us to a friend?");

        Assert.Equal("Invalid", toCsat.Status);
        Assert.StartsWith("The survey has answers, so a question's type can no longer change", toCsat.Message, StringComparison.Ordinal);
        Assert.True(reworded.Saved, string.Join(" ", reworded.Messages));
        var stored = (await Surveys.DesignAsync(manager, survey.Id)).Of(question);
        Assert.Equal(("Nps", 0, 10, "Would you recommend us to a friend?"), (stored.Type, stored.ScaleMin, stored.ScaleMax, stored.Texts["en"]));
    }

    [Fact]
    public async Task WithAnswers_ARatingsScale_CannotChange()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var rating = await Surveys.AddedQuestionAsync(manager, survey.Id, "Rating", new Dictionary<string, string> { ["en"] = "Rate the workshop" }, input => input.RatingMax = (int?)5);
        await Surveys.AnswerAsync(survey.Id, (rating, 4));

        var widened = await Surveys.UpdateQuestionAsync(manager, survey.Id, rating, input => input.RatingMax = (int?)10);

        Assert.Equal("Invalid", widened.Status);
        Assert.StartsWith("The survey has answers, so a question's scale can no longer change", widened.Message, StringComparison.Ordinal);
        Assert.Equal(5, (await Surveys.DesignAsync(manager, survey.Id)).Of(rating).ScaleMax);
    }

    [Fact]
    public async Task WithAnswers_RemovingAQuestion_RetiresIt_AndKeepsItsAnswers()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var nps = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        var csat = await Surveys.AddedQuestionAsync(manager, survey.Id, "Csat", new Dictionary<string, string> { ["en"] = "How satisfied are you?" });
        await Surveys.AnswerAsync(survey.Id, (nps, 3), (csat, 5));
        await Surveys.AnswerAsync(survey.Id, (nps, 10), (csat, 4));

        var removed = await Surveys.RemoveQuestionAsync(manager, survey.Id, nps);
        var removedAgain = await Surveys.RemoveQuestionAsync(manager, survey.Id, nps);
        var edited = await Surveys.UpdateQuestionAsync(manager, survey.Id, nps, input => input.IsRequired = false);

        Assert.True(removed.Saved, string.Join(" ", removed.Messages));
        Assert.Equal("NotFound", removedAgain.Status);
        Assert.Equal(("Invalid", "The question was removed; its answers are kept for the results."), (edited.Status, edited.Message));
        var design = await Surveys.DesignAsync(manager, survey.Id);
        Assert.True(design.Of(nps).Retired);
        Assert.False(design.Of(csat).Retired);
        Assert.Equal(2, design.AnswerCount);
        Assert.Equal(2, await Surveys.AnswersOfAsync(nps, fixture.Database));
        Assert.Equal(1, (await Surveys.ListAsync(manager)).Rows.Single(r => r.Id == survey.Id).Questions);
    }

    [Fact]
    public async Task WithAnswers_RemovingAnOption_RetiresIt_AndAddingOneStillWorks()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var choice = await Surveys.AddedQuestionAsync(manager, survey.Id, "MultipleChoice", new Dictionary<string, string> { ["en"] = "What did we do for you?" }, input =>
        {
            input.Options.Add(Surveys.Option("Design"));
            input.Options.Add(Surveys.Option("Development"));
        });
        await Surveys.AnswerAsync(survey.Id);

        var changed = await Surveys.UpdateQuestionAsync(manager, survey.Id, choice, input =>
        {
            input.Options.RemoveAt(0);
            input.Options.Add(Surveys.Option("Hosting"));
        });

        Assert.True(changed.Saved, string.Join(" ", changed.Messages));
        var options = (await Surveys.DesignAsync(manager, survey.Id)).Of(choice).Options;
        Assert.Equal([true, false, false], options.Select(o => o.Retired));
    }

    [Fact]
    public async Task WithAnswers_RemovingASection_RetiresItAndItsQuestions()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager);
        var section = (await Surveys.AddSectionAsync(manager, survey.Id, "Follow-up")).Id!.Value;
        var design = await Surveys.DesignAsync(manager, survey.Id);
        var question = (await Surveys.AddQuestionAsync(manager, section, "Effort", design.RowVersion, new Dictionary<string, string> { ["en"] = "How easy was it?" })).Id!.Value;
        await Surveys.AnswerAsync(survey.Id, (question, 2));

        var removed = await Surveys.RemoveSectionAsync(manager, survey.Id, section);

        Assert.True(removed.Saved, string.Join(" ", removed.Messages));
        design = await Surveys.DesignAsync(manager, survey.Id);
        Assert.Equal((true, true), (design.Sections.Single(s => s.Id == section).Retired, design.Of(question).Retired));
        Assert.Equal(1, await Surveys.AnswersOfAsync(question, fixture.Database));
    }

    [Fact]
    public async Task WithAnswers_AnonymityCannotBeSwitchedOff()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var survey = await Surveys.CreatedAsync(manager, input => input.IsAnonymous = true);
        var question = await Surveys.AddedQuestionAsync(manager, survey.Id, "Nps");
        await Surveys.AnswerAsync(survey.Id, (question, 8));

        var named = await Surveys.UpdateAsync(manager, survey.Id, input => input.IsAnonymous = false);

        Assert.Equal(("Invalid", "The survey has anonymous answers, so anonymity can no longer be switched off: the answers stay unlinked from the people who gave them."), (named.Status, named.Message));
        Assert.True((await Surveys.DesignAsync(manager, survey.Id)).IsAnonymous);
    }

    [Fact]
    public async Task WithAnswers_ANamedSurveyCannotBecomeAnonymous_WithoutAnswersItCan()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var answered = await Surveys.CreatedAsync(manager);
        var fresh = await Surveys.CreatedAsync(manager);
        await Surveys.AnswerAsync(answered.Id);

        var refused = await Surveys.UpdateAsync(manager, answered.Id, input => input.IsAnonymous = true);
        var allowed = await Surveys.UpdateAsync(manager, fresh.Id, input => input.IsAnonymous = true);

        Assert.Equal("Invalid", refused.Status);
        Assert.True(allowed.Saved, string.Join(" ", allowed.Messages));
        Assert.True((await Surveys.DesignAsync(manager, fresh.Id)).IsAnonymous);
        Assert.Equal(1, (await Surveys.ListAsync(manager)).Rows.Single(r => r.Id == answered.Id).Answers);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteSurveysHostFixture fixture) : SurveyVersioningTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresSurveysHostFixture fixture) : SurveyVersioningTests(fixture);
}
