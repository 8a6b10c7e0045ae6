using CrmBlazor.Sdk.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CrmBlazor.Plugins.Surveys.Features.Results;

/// <summary>
/// The plugin's downloads, mapped under <c>/surveys</c>: <c>GET /surveys/{id}/answers.csv</c>, a survey's
/// answers. Needs <see cref="SurveysPermissions.View"/>, checked by the policy and again by the service;
/// refused requests get 403, unknown surveys 404, and an anonymous survey with fewer answers than its
/// smallest group 409 with a problem saying why.
/// </summary>
public static class SurveyEndpoints
{
    /// <summary>Maps the endpoints on the plugin's route group.</summary>
    /// <param name="endpoints">The plugin's route group (<c>/surveys</c>).</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        // A download, not a page: refused with 401/403 rather than a redirect to the sign-in page.
        endpoints.MapGet("/{id:long}/answers.csv", CsvAsync).RequireAuthorization(SurveysPermissions.View).DisableCookieRedirect();
    }

    private static async Task CsvAsync(HttpContext context, long id, SurveyAnswerExport export)
    {
        AnswerExport? answers;
        try
        {
            answers = await export.RowsAsync(id, context.RequestAborted);
        }
        catch (UnauthorizedAccessException)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (answers is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (answers.Refusal is { } refusal)
        {
            await Microsoft.AspNetCore.Http.Results.Problem(refusal.ToString(), statusCode: StatusCodes.Status409Conflict).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = CsvWriter.ContentType;
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName($"survey-{id}-answers.csv");
        context.Response.Headers.ContentDisposition = header.ToString();
        await using var csv = new CsvWriter(context.Response.Body);
        foreach (var row in answers.Rows)
        {
            await csv.WriteRowAsync(row, context.RequestAborted);
        }
    }
}
