using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.ClosedLoop;

namespace CrmBlazor.Plugins.Surveys.Tests.Features.ClosedLoop;

/// <summary>Which answers the closed loop follows up: NPS 0–6 and CSAT 1–2, nothing else.</summary>
public sealed class DetractorsTests
{
    [Theory]
    [InlineData(QuestionType.Nps, 0, true)]
    [InlineData(QuestionType.Nps, 6, true)]
    [InlineData(QuestionType.Nps, 7, false)]
    [InlineData(QuestionType.Nps, 10, false)]
    [InlineData(QuestionType.Csat, 1, true)]
    [InlineData(QuestionType.Csat, 2, true)]
    [InlineData(QuestionType.Csat, 3, false)]
    [InlineData(QuestionType.Effort, 1, false)]
    [InlineData(QuestionType.Rating, 1, false)]
    public void Is_TheNumberOfAQuestionType_IsADetractorsOnlyForLowNpsAndCsat(QuestionType type, int number, bool detractor) =>
        Assert.Equal(detractor, Detractors.Is(type, number));
}
