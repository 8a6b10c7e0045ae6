using CrmBlazor.Plugins.Surveys.Features.Builder;
using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Plugins.Surveys.Features.Sending;
using CrmBlazor.Sdk.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Surveys.Features.Answering;

/// <summary>
/// A survey's preview as a respondent sees it, <c>GET</c> and <c>POST /surveys/{id}/preview?language=gu</c>:
/// <see cref="AnswerPage"/> with the survey as it stands (draft, open or closed), in the language asked for (one of
/// the survey's, else its first), marked as a preview. The submit (<c>action=preview</c>) checks the answers as a
/// real submit does, show-if conditions included, and shows the page again with the problems or a note that the
/// answers would be accepted: nothing is stored and no invitation is made. Needs
/// <see cref="SurveysPermissions.View"/>, checked by the policy (a visitor not signed in is sent to sign in) and
/// again by <see cref="SurveyBuilderService"/> (403); an unknown survey gets 404.
/// </summary>
/// <remarks>The builder shows it in a phone-sized frame, hence framing by the CRM's own pages.</remarks>
public static class PreviewEndpoints
{
    /// <summary>Maps the preview on the plugin's route group.</summary>
    /// <param name="endpoints">The plugin's route group (<c>/surveys</c>).</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/{id:long}/preview", GetAsync).RequireAuthorization(SurveysPermissions.View).WithMetadata(new AllowSameOriginFramingAttribute());
        endpoints.MapPost("/{id:long}/preview", PostAsync).RequireAuthorization(SurveysPermissions.View).WithMetadata(new AllowSameOriginFramingAttribute())
            .DisableAntiforgery();
    }

    /// <summary>The preview's address in a language.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="language">One of the survey's languages.</param>
    public static string PathOf(long surveyId, string language) => $"/surveys/{surveyId}/preview?language={Uri.EscapeDataString(language)}";

    private static async Task GetAsync(HttpContext context, long id, string? language, SurveyBuilderService builder, IAntiforgery antiforgery)
    {
        if (await OpenAsync(context, id, language, builder) is { } form)
        {
            await AnswerEndpoints.RenderAsync(context, AnswerPageState.Form, PathOf(id, form.Language), form, form.Values, antiforgery: antiforgery, preview: true);
        }
    }

    // The antiforgery token is checked by ReadAsync, as on the answer page, so that a refused post still gets the page.
    private static async Task PostAsync(HttpContext context, long id, string? language, SurveyBuilderService builder, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
    {
        if (await OpenAsync(context, id, language, builder) is not { } form)
        {
            return;
        }

        var (state, posted) = await AnswerEndpoints.ReadAsync(context, antiforgery);
        var values = state == AnswerPageState.Form ? AnswerEndpoints.ValuesOf(posted!, form, antiforgeryOptions.Value.FormFieldName, "preview") : null;
        if (values is null)
        {
            await AnswerEndpoints.RenderAsync(context, state == AnswerPageState.Form ? AnswerPageState.Malformed : state, language: form.Language, preview: true);
            return;
        }

        var problems = AnswerService.Check(form.Survey!, values);
        await AnswerEndpoints.RenderAsync(context, problems.Count > 0 ? AnswerPageState.Form : AnswerPageState.PreviewChecked, PathOf(id, form.Language), form, values, problems,
            antiforgery, problems.Count > 0 ? StatusCodes.Status400BadRequest : null, preview: true);
    }

    // The survey as an open form in the language asked for, or null when the response already says why not (403, 404).
    private static async Task<AnswerForm?> OpenAsync(HttpContext context, long id, string? language, SurveyBuilderService builder)
    {
        SurveyDesign? design;
        try
        {
            design = await builder.GetAsync(id, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        if (design is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        return new AnswerForm(AnswerStatus.Open, design.Survey, InvitationMail.LanguageFor(design.Survey, language), new Dictionary<long, IReadOnlyList<string>>());
    }
}
