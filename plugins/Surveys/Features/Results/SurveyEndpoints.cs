using CrmBlazor.Sdk.Exports;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Plugins.Surveys.Features.Results;

/// <summary>
/// The plugin's downloads, mapped under <c>/surveys</c>: <c>GET /surveys/{id}/answers.csv</c> and
/// <c>GET /surveys/{id}/answers.xlsx</c>, a survey's answers, the same rows in both. Need
/// <see cref="SurveysPermissions.View"/>, checked by the policy and again by the service; refused requests get
/// 403, unknown surveys 404, and an anonymous survey with fewer answers than its smallest group 409 with a
/// problem saying why, in the request's language.
/// </summary>
public static class SurveyEndpoints
{
    /// <summary>Maps the endpoints on the plugin's route group.</summary>
    /// <param name="endpoints">The plugin's route group (<c>/surveys</c>).</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // Downloads, not pages: refused with 401/403 rather than a redirect to the sign-in page.
        endpoints.MapGet("/{id:long}/answers.csv", CsvAsync).RequireAuthorization(SurveysPermissions.View).DisableCookieRedirect();
        endpoints.MapGet("/{id:long}/answers.xlsx", ExcelAsync).RequireAuthorization(SurveysPermissions.View).DisableCookieRedirect();
    }

    private static async Task CsvAsync(HttpContext context, long id, SurveyAnswerExport export, IStringLocalizer<SurveysResources> localizer)
    {
        if (await AnswersAsync(context, id, export, localizer) is { } answers)
        {
            await Downloads.CsvAsync(context.Response, $"survey-{id}-answers.csv", answers.Rows, context.RequestAborted);
        }
    }

    private static async Task ExcelAsync(HttpContext context, long id, SurveyAnswerExport export, IStringLocalizer<SurveysResources> localizer)
    {
        if (await AnswersAsync(context, id, export, localizer) is { } answers)
        {
            var headers = answers.Rows[0].Select(h => h ?? string.Empty).ToList();
            await Downloads.ExcelAsync(context.Response, $"survey-{id}-answers.xlsx", "Answers", headers, OnePage(answers.Rows.Skip(1).ToList()), context.RequestAborted);
        }
    }

    // The answers to send, or null when the response already says why not (403, 404, or 409 with a problem in the request's language).
    private static async Task<AnswerExport?> AnswersAsync(HttpContext context, long id, SurveyAnswerExport export, IStringLocalizer localizer)
    {
        AnswerExport? answers;
        try
        {
            answers = await export.RowsAsync(id, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        if (answers is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        if (answers.Refusal is { } refusal)
        {
            await Microsoft.AspNetCore.Http.Results.Problem(localizer.Show(refusal), statusCode: StatusCodes.Status409Conflict).ExecuteAsync(context);
            return null;
        }

        return answers;
    }

    private static async IAsyncEnumerable<IReadOnlyList<IReadOnlyList<string?>>> OnePage(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        await Task.CompletedTask;
        yield return rows;
    }
}
