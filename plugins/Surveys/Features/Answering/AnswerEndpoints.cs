using System.Globalization;
using CrmBlazor.Plugins.Surveys.Data;
using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Plugins.Surveys.Features.PublicLinks;
using CrmBlazor.Sdk.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Surveys.Features.Answering;

/// <summary>
/// The public answer page, <c>GET</c> and <c>POST /surveys/answer/{token}</c>: no sign-in, no circuit, no
/// script. Both render <see cref="AnswerPage"/> statically, in the invitation's language, with the status
/// the link deserves (404 unknown or used up, 410 expired or closed, 409 answered, 400 invalid or
/// malformed, 413 too large, 429 too many requests, 503 busy). A post carries the antiforgery token of the page
/// and either saves a draft (<c>action=save</c>) or submits (<c>action=submit</c>).
/// </summary>
/// <remarks>
/// <para><c>GET /surveys/public/{token}</c>, an anonymous survey's public link, makes each visitor a personal
/// link of their own (<see cref="PublicLinkService.VisitAsync"/>) and answers 303 See Other to its page; a
/// link that opens nothing gets this page with the same statuses (404 unknown or switched off, 410 expired
/// or closed, 429), an unknown one in the visitor's language.</para>
/// Endpoints rather than an <c>@page</c>: the page must be in the invitation's language before anything
/// renders (the host's layout takes the visitor's), and a refused post (too large, malformed, expired
/// antiforgery token, rate limit) must still get this page with its own status.
/// </remarks>
public static class AnswerEndpoints
{
    /// <summary>The largest body a post may have: 1 MiB (a long Urdu text is some 25 KB encoded).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 2000,
        KeyLengthLimit = 100,
        ValueLengthLimit = 64 * 1024,
        MultipartBodyLengthLimit = MaxBodyBytes,
        BufferBodyLengthLimit = MaxBodyBytes,
    };

    /// <summary>Maps the page on the plugin's route group.</summary>
    /// <param name="endpoints">The plugin's route group (<c>/surveys</c>).</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/answer/{token}", GetAsync).AllowAnonymous();
        endpoints.MapPost("/answer/{token}", PostAsync).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/public/{token}", VisitAsync).AllowAnonymous();
    }

    private static async Task VisitAsync(HttpContext context, string token, PublicLinkService publicLinks, IRateLimits limits, IOptions<SurveysSettings> settings, AnswerPageGate gate)
    {
        using var turn = await gate.EnterAsync(context.RequestAborted);
        if (turn is null)
        {
            await RenderBusyAsync(context);
            return;
        }

        try
        {
            await VisitInTurnAsync(context, token, publicLinks, limits, settings.Value);
        }
        catch (Exception failure) when (!context.Response.HasStarted && gate.IsPassing(failure))
        {
            await RenderBusyAsync(context);
        }
    }

    private static async Task VisitInTurnAsync(HttpContext context, string token, PublicLinkService publicLinks, IRateLimits limits, SurveysSettings settings)
    {
        // Every visit stores an invitation: a count of its own, stricter than the answer page's.
        var key = $"{SurveysPlugin.Id} public {context.Connection.RemoteIpAddress}";
        if (await limits.HitAsync(key, settings.PublicLinkVisitsPerMinute, TimeSpan.FromMinutes(1), context.RequestAborted) is { } retryAfter)
        {
            await RenderAsync(context, AnswerPageState.TooManyRequests, retryAfter: retryAfter);
            return;
        }

        var visit = await publicLinks.VisitAsync(token, CultureInfo.CurrentUICulture.Name, context.RequestAborted);
        if (visit.Status != AnswerStatus.Open)
        {
            await RenderAsync(context, StateOf(visit.Status), language: visit.Language);
            return;
        }

        // 303: the visitor's browser fetches its own answer page with GET; nothing caches the redirect.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = context.Request.PathBase + InvitationService.AnswerPath + visit.Token;
    }

    private static async Task GetAsync(HttpContext context, string token, AnswerService answers, IAntiforgery antiforgery, IRateLimits limits, IOptions<SurveysSettings> settings, AnswerPageGate gate)
    {
        using var turn = await gate.EnterAsync(context.RequestAborted);
        if (turn is null)
        {
            await RenderBusyAsync(context);
            return;
        }

        try
        {
            await GetInTurnAsync(context, token, answers, antiforgery, limits, settings.Value);
        }
        catch (Exception failure) when (!context.Response.HasStarted && gate.IsPassing(failure))
        {
            await RenderBusyAsync(context);
        }
    }

    private static async Task GetInTurnAsync(HttpContext context, string token, AnswerService answers, IAntiforgery antiforgery, IRateLimits limits, SurveysSettings settings)
    {
        if (await RefusedAsync(context, limits, settings) is { } retryAfter)
        {
            await RenderAsync(context, AnswerPageState.TooManyRequests, retryAfter: retryAfter);
            return;
        }

        var form = await answers.OpenAsync(token, context.RequestAborted);
        if (form.Status != AnswerStatus.Open)
        {
            await RenderAsync(context, StateOf(form.Status), language: form.Language);
            return;
        }

        await RenderAsync(context, AnswerPageState.Form, ActionOf(token), form, form.Values, antiforgery: antiforgery);
    }

    private static async Task PostAsync(HttpContext context, string token, AnswerService answers, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IRateLimits limits, IOptions<SurveysSettings> settings, AnswerPageGate gate)
    {
        // Busy: the page gives back what was posted, to send again in a moment; nothing was stored.
        using var turn = await gate.EnterAsync(context.RequestAborted);
        if (turn is null)
        {
            await RenderBusyAsync(context, token, antiforgery, antiforgeryOptions.Value.FormFieldName);
            return;
        }

        try
        {
            await PostInTurnAsync(context, token, answers, antiforgery, antiforgeryOptions.Value, limits, settings.Value);
        }
        catch (Exception failure) when (!context.Response.HasStarted && gate.IsPassing(failure))
        {
            await RenderBusyAsync(context, token, antiforgery, antiforgeryOptions.Value.FormFieldName);
        }
    }

    private static async Task PostInTurnAsync(HttpContext context, string token, AnswerService answers, IAntiforgery antiforgery, AntiforgeryOptions antiforgeryOptions, IRateLimits limits, SurveysSettings settings)
    {
        if (await RefusedAsync(context, limits, settings) is { } retryAfter)
        {
            await RenderAsync(context, AnswerPageState.TooManyRequests, retryAfter: retryAfter);
            return;
        }

        var form = await answers.OpenAsync(token, context.RequestAborted);
        if (form.Status != AnswerStatus.Open)
        {
            await RenderAsync(context, StateOf(form.Status), language: form.Language);
            return;
        }

        var (state, posted) = await ReadAsync(context, antiforgery);
        if (state != AnswerPageState.Form)
        {
            await RenderAsync(context, state, language: form.Language);
            return;
        }

        var values = ValuesOf(posted!, form, antiforgeryOptions.FormFieldName, "save", "submit");
        if (values is null)
        {
            await RenderAsync(context, AnswerPageState.Malformed, language: form.Language);
            return;
        }

        var save = string.Equals(posted!["action"].ToString(), "save", StringComparison.Ordinal);
        var outcome = save
            ? await answers.SaveDraftAsync(token, values, CancellationToken.None)
            : await answers.SubmitAsync(token, values, CancellationToken.None);
        if (outcome.Status == AnswerStatus.Invalid)
        {
            await RenderAsync(context, AnswerPageState.Form, ActionOf(token), form, values, outcome.Problems, antiforgery, StatusCodes.Status400BadRequest);
        }
        else if (outcome.Status == AnswerStatus.DraftSaved)
        {
            await RenderAsync(context, AnswerPageState.DraftSaved, ActionOf(token), form, values, antiforgery: antiforgery);
        }
        else
        {
            await RenderAsync(context, StateOf(outcome.Status), language: form.Language);
        }
    }

    // One count per client address for opening and posting together, shared by every instance.
    private static Task<TimeSpan?> RefusedAsync(HttpContext context, IRateLimits limits, SurveysSettings settings) =>
        limits.HitAsync($"{SurveysPlugin.Id} answer {context.Connection.RemoteIpAddress}", settings.AnswerPageRequestsPerMinute, TimeSpan.FromMinutes(1), context.RequestAborted);

    // The busy page (503, Retry-After); for a post that could be read, with what was posted kept in the page's
    // form, to send again: the fields of questions and the action, nothing else, and nothing looked up.
    private static async Task RenderBusyAsync(HttpContext context, string? token = null, IAntiforgery? antiforgery = null, string? antiforgeryField = null)
    {
        List<KeyValuePair<string, string>>? kept = null;
        if (token is not null && antiforgery is not null && await ReadAsync(context, antiforgery) is (AnswerPageState.Form, { } posted))
        {
            kept = [];
            foreach (var (key, value) in posted)
            {
                if (key != antiforgeryField && key.Length > 1 && key[0] == 'q' && !key.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
                {
                    kept.AddRange(value.Take(100).Select(v => KeyValuePair.Create(key, v ?? string.Empty)));
                }
            }

            var action = posted["action"].ToString();
            kept.Add(KeyValuePair.Create("action", action == "save" ? action : "submit"));
        }

        await RenderAsync(context, AnswerPageState.Busy, kept is null ? null : ActionOf(token!), antiforgery: kept is null ? null : antiforgery,
            retryAfter: TimeSpan.FromSeconds(AnswerPageGate.RetryAfterSeconds), kept: kept);
    }

    private static string ActionOf(string token) => InvitationService.AnswerPath + Uri.EscapeDataString(token);

    // The posted form within the page's limits and with a valid antiforgery token, or the state saying why not.
    internal static async Task<(AnswerPageState State, IFormCollection? Form)> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (AnswerPageState.TooLarge, null);
        }

        if (!context.Request.HasFormContentType)
        {
            return (AnswerPageState.Malformed, null);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        // A form read already (a post that got the busy page after reading it) is read from memory again.
        if (context.Features.Get<IFormFeature>()?.Form is null)
        {
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, Limits));
        }
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await antiforgery.IsRequestValidAsync(context) ? (AnswerPageState.Form, form) : (AnswerPageState.Malformed, null);
        }
        catch (BadHttpRequestException refused) when (refused.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (AnswerPageState.TooLarge, null);
        }
        catch (Exception refused) when (refused is InvalidDataException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return (AnswerPageState.Malformed, null);
        }
    }

    // The posted values per question: fields q{id} of the survey's active questions, the antiforgery token
    // and one of the actions, nothing else; null when anything else was posted (a malformed form stores nothing).
    internal static Dictionary<long, IReadOnlyList<string>>? ValuesOf(IFormCollection posted, AnswerForm form, string antiforgeryField, params string[] actions)
    {
        var active = form.Survey!.Questions.Where(q => q.RetiredAt == null).Select(q => q.Id).ToHashSet();
        var values = new Dictionary<long, IReadOnlyList<string>>();
        foreach (var (key, value) in posted)
        {
            if (key == "action" || key == antiforgeryField)
            {
                continue;
            }

            if (!key.StartsWith('q') || !long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var questionId) || !active.Contains(questionId) || value.Count > 100)
            {
                return null;
            }

            values[questionId] = [.. value.Select(v => v ?? string.Empty)];
        }

        return actions.Contains(posted["action"].ToString(), StringComparer.Ordinal) ? values : null;
    }

    private static AnswerPageState StateOf(AnswerStatus status) => status switch
    {
        AnswerStatus.Saved => AnswerPageState.Saved,
        AnswerStatus.Expired => AnswerPageState.Expired,
        AnswerStatus.AlreadyAnswered => AnswerPageState.AlreadyAnswered,
        AnswerStatus.Closed => AnswerPageState.Closed,
        _ => AnswerPageState.Unknown,
    };

    private static int StatusOf(AnswerPageState state) => state switch
    {
        AnswerPageState.Unknown => StatusCodes.Status404NotFound,
        AnswerPageState.Expired or AnswerPageState.Closed => StatusCodes.Status410Gone,
        AnswerPageState.AlreadyAnswered => StatusCodes.Status409Conflict,
        AnswerPageState.Malformed => StatusCodes.Status400BadRequest,
        AnswerPageState.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AnswerPageState.TooManyRequests => StatusCodes.Status429TooManyRequests,
        AnswerPageState.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status200OK,
    };

    // The page, in the form's language (else the one given) and with the state's status unless one is given.
    internal static async Task RenderAsync(HttpContext context, AnswerPageState state, string? action = null, AnswerForm? form = null,
        IReadOnlyDictionary<long, IReadOnlyList<string>>? values = null, IReadOnlyDictionary<long, Problem>? problems = null,
        IAntiforgery? antiforgery = null, int? status = null, string? language = null, TimeSpan? retryAfter = null, bool preview = false,
        IReadOnlyList<KeyValuePair<string, string>>? kept = null)
    {
        // The page speaks the invitation's language, whatever the visitor's browser or cookie says; the
        // culture set here flows into the rendering awaited below.
        if ((form?.Language ?? language) is { } code && SurveyLanguages.All.Contains(code))
        {
            var culture = CultureInfo.GetCultureInfo(code);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var tokens = antiforgery?.GetAndStoreTokens(context);
        var model = new AnswerPageModel(state, form?.Survey, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            action, values ?? new Dictionary<long, IReadOnlyList<string>>(), problems ?? new Dictionary<long, Problem>(),
            tokens?.FormFieldName, tokens?.RequestToken, preview, kept ?? []);
        await new RazorComponentResult<AnswerPage>(new Dictionary<string, object?> { [nameof(AnswerPage.Model)] = model })
        {
            StatusCode = status ?? StatusOf(state),
        }.ExecuteAsync(context);
    }
}
