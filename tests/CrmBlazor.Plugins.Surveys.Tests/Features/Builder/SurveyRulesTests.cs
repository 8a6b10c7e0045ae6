using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Builder;

namespace CrmBlazor.Plugins.Surveys.Tests.Features.Builder;

/// <summary>The builder's rules on a survey in memory: conditions look back, versioning once answers exist, readiness to open.</summary>
public sealed class SurveyRulesTests
{
    [Fact]
    public void Condition_OnAnEarlierNpsQuestion_AtMostSix_Fits()
    {
        var (survey, nps, followUp) = NpsWithFollowUp();

        Assert.Null(SurveyRules.CheckCondition(survey, followUp, followUp.SectionId, Condition(nps.Id, ShowIfOperator.AtMost, 6)));
    }

    [Fact]
    public void Condition_OnALaterQuestion_IsRefused()
    {
        var (survey, nps, followUp) = NpsWithFollowUp();

        var problem = SurveyRules.CheckCondition(survey, nps, nps.SectionId, Condition(followUp.Id, ShowIfOperator.Equals, 1));

        Assert.Equal("A question can only depend on an earlier question of the survey.", problem?.Text);
    }

    [Fact]
    public void Condition_OutsideTheEarlierQuestionsScale_IsRefused()
    {
        var (survey, nps, followUp) = NpsWithFollowUp();

        var problem = SurveyRules.CheckCondition(survey, followUp, followUp.SectionId, Condition(nps.Id, ShowIfOperator.AtMost, 11));

        Assert.Equal("The value must be from 0 to 10.", problem?.ToString());
    }

    [Fact]
    public void Condition_OnAChoiceQuestion_AsksForOneOfItsOptions()
    {
        var survey = Survey();
        var choice = Add(survey, QuestionType.SingleChoice);
        choice.Options.AddRange([new QuestionOption { Id = 7, Texts = { ["en"] = "Yes" } }, new QuestionOption { Id = 8, Texts = { ["en"] = "No" } }]);
        var later = Add(survey, QuestionType.LongText);

        Assert.Null(SurveyRules.CheckCondition(survey, later, later.SectionId, Condition(choice.Id, ShowIfOperator.Chosen, 8)));
        Assert.Equal("Choose one of the earlier question's options.", SurveyRules.CheckCondition(survey, later, later.SectionId, Condition(choice.Id, ShowIfOperator.Chosen, 99))?.Text);
        Assert.Equal("A condition on a choice question asks whether an option was chosen.", SurveyRules.CheckCondition(survey, later, later.SectionId, Condition(choice.Id, ShowIfOperator.AtMost, 1))?.Text);
    }

    [Fact]
    public void Condition_OnATextQuestion_IsRefused()
    {
        var survey = Survey();
        var text = Add(survey, QuestionType.ShortText);
        var later = Add(survey, QuestionType.Csat);

        Assert.Equal(
            "A question can only depend on a question answered with a number or a choice.",
            SurveyRules.CheckCondition(survey, later, later.SectionId, Condition(text.Id, ShowIfOperator.Equals, 1))?.Text);
    }

    [Fact]
    public void Conditions_AfterMovingTheirQuestionAboveTheOneTheyLookAt_NoLongerLookBack()
    {
        var (survey, nps, followUp) = NpsWithFollowUp();
        followUp.ShowIfQuestionId = nps.Id;

        Assert.Null(SurveyRules.CheckConditionsLookBack(survey));
        (nps.Position, followUp.Position) = (followUp.Position, nps.Position);
        Assert.NotNull(SurveyRules.CheckConditionsLookBack(survey));
    }

    [Fact]
    public void Versioning_WithoutAnswers_LetsTypeAndScaleChange()
    {
        var (_, nps, _) = NpsWithFollowUp();

        Assert.Null(SurveyRules.CheckVersioning(nps, new QuestionInput { Type = QuestionType.Csat }, hasAnswers: false));
    }

    [Fact]
    public void Versioning_WithAnswers_RefusesAnotherType()
    {
        var (_, nps, _) = NpsWithFollowUp();

        var problem = SurveyRules.CheckVersioning(nps, new QuestionInput { Type = QuestionType.Csat }, hasAnswers: true);

        Assert.StartsWith("The survey has answers, so a question's type can no longer change", problem?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Versioning_WithAnswers_RefusesAnotherRatingScale_ButKeepsTheSameOne()
    {
        var survey = Survey();
        var rating = Add(survey, QuestionType.Rating, scaleMax: 5);

        Assert.StartsWith("The survey has answers, so a question's scale", SurveyRules.CheckVersioning(rating, new QuestionInput { Type = QuestionType.Rating, RatingMax = 10 }, hasAnswers: true)?.Text, StringComparison.Ordinal);
        Assert.Null(SurveyRules.CheckVersioning(rating, new QuestionInput { Type = QuestionType.Rating, RatingMax = 5 }, hasAnswers: true));
        Assert.Null(SurveyRules.CheckVersioning(rating, new QuestionInput { Type = QuestionType.Rating }, hasAnswers: true));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void Anonymity_ChangesOnlyWhileThereAreNoAnswers(bool anonymous, bool wanted, bool hasAnswers)
    {
        var survey = Survey();
        survey.IsAnonymous = anonymous;

        var problem = SurveyRules.CheckAnonymity(survey, wanted, hasAnswers);

        Assert.Equal(hasAnswers && anonymous != wanted, problem is not null);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Anonymity_CannotBeSwitchedOff_WhileThereIsAPublicLink(bool wanted, bool hasAnswers)
    {
        var survey = Survey();
        survey.IsAnonymous = true;
        survey.PublicTokenHash = new byte[32];

        Assert.Null(SurveyRules.CheckAnonymity(survey, wanted, hasAnswers));
        Assert.StartsWith("The survey has a public link", SurveyRules.CheckAnonymity(survey, anonymous: false, hasAnswers)?.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, SurveyState.Open, "Only an anonymous survey can have a public link")]
    [InlineData(true, SurveyState.Closed, "The survey is closed")]
    [InlineData(true, SurveyState.Open, null)]
    [InlineData(true, SurveyState.Draft, null)]
    public void APublicLink_IsForAnonymousSurveysThatTakeAnswers(bool anonymous, SurveyState state, string? refused)
    {
        var survey = Survey();
        survey.IsAnonymous = anonymous;
        survey.State = state;

        var problem = SurveyRules.CheckPublicLink(survey)?.Text;

        Assert.Equal(refused, problem is null || refused is null ? problem : problem[..Math.Min(problem.Length, refused.Length)]);
    }

    [Fact]
    public void Opening_NeedsAQuestion()
    {
        Assert.Equal("Add at least one question before opening the survey.", SurveyRules.CheckReadyToOpen(Survey())?.Text);
    }

    [Fact]
    public void Opening_NeedsEveryTextInEveryLanguage()
    {
        var survey = Survey("en,ur");
        Add(survey, QuestionType.Nps);

        Assert.Equal("Question 1 has no text in Urdu yet: write it in every language of the survey before opening it.", SurveyRules.CheckReadyToOpen(survey)?.ToString());
        survey.Questions[0].Texts["ur"] = "آپ ہمیں کتنا تجویز کریں گے؟";
        Assert.Null(SurveyRules.CheckReadyToOpen(survey));
    }

    [Fact]
    public void Opening_IgnoresRetiredQuestions()
    {
        var survey = Survey("en,ur");
        Add(survey, QuestionType.Nps).RetiredAt = DateTimeOffset.UnixEpoch;
        var kept = Add(survey, QuestionType.Csat);
        kept.Texts["ur"] = "آپ کتنے مطمئن ہیں؟";

        Assert.Null(SurveyRules.CheckReadyToOpen(survey));
    }

    [Fact]
    public void Scales_AreFixedForNpsCsatAndEffort_AndChosenForRatings()
    {
        Assert.Equal(new QuestionScale(0, 10), QuestionScale.Of(QuestionType.Nps, 3));
        Assert.Equal(new QuestionScale(1, 5), QuestionScale.Of(QuestionType.Csat));
        Assert.Equal(new QuestionScale(1, 7), QuestionScale.Of(QuestionType.Effort));
        Assert.Equal(new QuestionScale(1, 10), QuestionScale.Of(QuestionType.Rating, 10));
        Assert.Null(QuestionScale.Of(QuestionType.LongText));
    }

    private static (Survey Survey, SurveyQuestion Nps, SurveyQuestion FollowUp) NpsWithFollowUp()
    {
        var survey = Survey();
        return (survey, Add(survey, QuestionType.Nps), Add(survey, QuestionType.LongText));
    }

    private static Survey Survey(string languages = "en")
    {
        var survey = new Survey { Id = 1, Name = "Survey", Languages = languages };
        survey.Sections.Add(new SurveySection { Id = 10, SurveyId = 1, Position = 1 });
        return survey;
    }

    private static SurveyQuestion Add(Survey survey, QuestionType type, int? scaleMax = null)
    {
        var scale = QuestionScale.Of(type, scaleMax);
        var question = new SurveyQuestion
        {
            Id = 100 + survey.Questions.Count,
            SurveyId = survey.Id,
            SectionId = 10,
            Position = survey.Questions.Count + 1,
            Type = type,
            ScaleMin = scale?.Min,
            ScaleMax = scale?.Max,
            Texts = { ["en"] = "Question " + (survey.Questions.Count + 1) },
        };
        survey.Questions.Add(question);
        return question;
    }

    private static QuestionInput Condition(long questionId, ShowIfOperator op, long value) =>
        new() { Type = QuestionType.LongText, ShowIfQuestionId = questionId, ShowIfOperator = op, ShowIfValue = value };
}
