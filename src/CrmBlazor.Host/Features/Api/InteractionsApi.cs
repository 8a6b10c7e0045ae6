using System.Text.Json.Serialization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// <c>POST /api/v1/customers/{id}/interactions</c>: logs an interaction with a customer, such as an inquiry
/// from a web form or a call from a phone system, through <see cref="InteractionService.LogAsync"/> (its
/// validation, its rule that whoever may edit customers may log interactions, the timeline and the event).
/// A contact is named by e-mail address and must be one of the customer's; the API does not create one.
/// </summary>
public static class InteractionsApi
{
    private static readonly Problem NoSuchContact =
        new Problem("No contact of this customer has this e-mail address. Add the contact first, then log the interaction.");

    private static readonly Problem KindNotValid = new Problem("The kind is one of {0}.");

    private static readonly Problem DirectionNotValid = new Problem("The direction is Inbound, Outbound or Internal.");

    /// <summary>Maps the interaction endpoints on the API's group.</summary>
    /// <param name="api">The <c>/api/v1</c> group.</param>
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var interactions = api.MapGroup("/customers/{customerId:long}/interactions").WithTags("Interactions");
        interactions.MapPost("", LogAsync)
            .WithName("LogInteraction").WithSummary("Logs an interaction with a customer: an inquiry from a web form, a call from a phone system, an e-mail, a meeting or a note.")
            .Accepts<ApiInteractionInput>("application/json")
            .Produces<ApiInteraction>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(CorePermissions.EditCustomers)
            .Idempotent();
        return interactions;
    }

    private static async Task<IResult> LogAsync(
        long customerId, ApiInteractionInput body, HttpContext context, ApiChanges api, ApiProblems problems,
        InteractionService interactions, IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
    {
        var errors = new Dictionary<string, Problem[]>();
        var input = new InteractionInput
        {
            Subject = body.Subject ?? string.Empty,
            Body = body.Text,
            OccurredAt = body.OccurredAt ?? clock.GetUtcNow(),
        };
        if (!Enum.TryParse<InteractionChannel>(body.Kind, ignoreCase: true, out var channel) || !Enum.IsDefined(channel) || int.TryParse(body.Kind, out _))
        {
            errors[nameof(body.Kind)] = [KindNotValid with { Arguments = [string.Join(", ", Enum.GetNames<InteractionChannel>())] }];
        }

        input.Channel = channel;
        input.Direction = channel == InteractionChannel.Note ? InteractionDirection.Internal : InteractionDirection.Inbound;
        if (body.Direction is not null)
        {
            if (!Enum.TryParse<InteractionDirection>(body.Direction, ignoreCase: true, out var direction) || !Enum.IsDefined(direction) || int.TryParse(body.Direction, out _))
            {
                errors[nameof(body.Direction)] = [DirectionNotValid];
            }

            input.Direction = direction;
        }

        input.Status = Interaction.IsTracked(channel) ? InteractionStatus.Open : InteractionStatus.None;
        if (!string.IsNullOrWhiteSpace(body.ContactEmail))
        {
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            var email = body.ContactEmail.Trim();
            var contactId = await db.Contacts.Where(c => c.CustomerId == customerId && !c.IsArchived && c.Email == email)
                .OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(context.RequestAborted);
            if (contactId is { } id)
            {
                input.ContactIds = [id];
            }
            else if (await db.Customers.AnyAsync(c => c.Id == customerId, context.RequestAborted))
            {
                errors[nameof(body.ContactEmail)] = [NoSuchContact];
            }
        }

        if (errors.Count > 0)
        {
            return api.Invalid(errors);
        }

        var result = await interactions.LogAsync(customerId, input, context.RequestAborted);
        if (!result.Succeeded)
        {
            return api.Refusal(result);
        }

        await using var read = await contexts.CreateDbContextAsync(context.RequestAborted);
        var saved = await read.Interactions.AsNoTracking().Include(i => i.Contacts).FirstAsync(i => i.Id == result.Id, context.RequestAborted);
        context.Response.Headers.ETag = ApiChanges.ETag(saved.RowVersion);
        return TypedResults.Created($"{ApiEndpoints.Version1}/customers/{customerId}/interactions/{saved.Id}", new ApiInteraction(
            saved.Id, saved.CustomerId, saved.Channel.ToString(), saved.Direction.ToString(), saved.OccurredAt, saved.Subject, saved.Body,
            saved.Status.ToString(), [.. saved.Contacts.Select(c => c.ContactId)], saved.RowVersion));
    }
}

/// <summary>An interaction as a client logs it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ApiInteractionInput
{
    /// <summary>Call, Email, Meeting, Note, Complaint, Inquiry, WebForm or InStoreVisit.</summary>
    public string? Kind { get; set; }

    /// <summary>Inbound (the default; Internal for a note), Outbound or Internal.</summary>
    public string? Direction { get; set; }

    /// <summary>When it happened (now when absent).</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>The subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The details (the form's message, the call's notes).</summary>
    public string? Text { get; set; }

    /// <summary>The e-mail address of the customer's contact who took part, if known.</summary>
    public string? ContactEmail { get; set; }
}

/// <summary>An interaction as the API shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Kind">The kind (channel).</param>
/// <param name="Direction">Who started it.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The details.</param>
/// <param name="Status">None, Open (inquiries and complaints until resolved) or Resolved.</param>
/// <param name="ContactIds">The customer's contacts who took part.</param>
/// <param name="RowVersion">The version.</param>
public sealed record ApiInteraction(
    long Id, long CustomerId, string Kind, string Direction, DateTimeOffset OccurredAt, string Subject, string? Text, string Status,
    IReadOnlyList<long> ContactIds, Guid RowVersion);
