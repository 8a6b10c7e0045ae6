using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Surveys.Tests.Resources;

/// <summary>The surveys plugin's resources (see <see cref="PluginResourceTests"/>).</summary>
public sealed class SurveysResourcesTests() : PluginResourceTests("Surveys", "SurveysResources", "A survey keeps at least one section.", "Question {0} needs at least two options.", "Enter the survey's name.")
{
    /// <inheritdoc />
    protected override IEnumerable<DynamicText> DynamicTexts =>
    [
        new(@"SurveyStatuses\.Title\([\w.]+(?: \?\? [\w.]+)?\)", TitlesOf(typeof(CrmBlazor.Plugins.Surveys.Features.Shared.SurveyStatuses))),
        new(@"SurveyStatuses\.Language\([\w.]+\)", CrmBlazor.Plugins.Surveys.Data.SurveyLanguages.All.Select(CrmBlazor.Plugins.Surveys.Features.Shared.SurveyStatuses.Language)),

        // Why a sending stopped (SurveySend.Stopped), set only by the segment sending job.
        new(@"stopped|reason", [CrmBlazor.Plugins.Surveys.Jobs.SegmentSendJob.NotOpenMessage, CrmBlazor.Plugins.Surveys.Jobs.SegmentSendJob.NoPublicUrlMessage]),
    ];
}
