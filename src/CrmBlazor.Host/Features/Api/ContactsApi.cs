using System.Text.Json.Serialization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// <c>/api/v1/customers/{id}/contacts</c>: a customer's contacts by name with a cursor; adding one; changing
/// one with <c>If-Match</c>. The rules are the contacts tab's own: <see cref="CustomerService.SaveContactAsync"/>
/// validates, checks that the user may change the customer, and detects concurrent edits.
/// </summary>
public static class ContactsApi
{
    /// <summary>Maps the contact endpoints on the API's group.</summary>
    /// <param name="api">The <c>/api/v1</c> group.</param>
    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var contacts = api.MapGroup("/customers/{customerId:long}/contacts").WithTags("Contacts");

        contacts.MapGet("", ListAsync)
            .WithName("ListContacts").WithSummary("Lists a customer's contacts by name, one page at a time (archived ones with archived=true).")
            .Produces<ApiPage<ApiContact>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(CorePermissions.ViewCustomers);

        contacts.MapPost("", CreateAsync)
            .WithName("CreateContact").WithSummary("Adds a contact to a customer.")
            .Accepts<ApiContactInput>("application/json")
            .Produces<ApiContact>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(CorePermissions.EditCustomers)
            .Idempotent();

        contacts.MapPut("/{contactId:long}", UpdateAsync)
            .WithName("UpdateContact").WithSummary("Changes a contact; If-Match must name the version the change was made on.")
            .Accepts<ApiContactInput>("application/json")
            .Produces<ApiContact>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(CorePermissions.EditCustomers);
        return contacts;
    }

    private static async Task<IResult> ListAsync(
        long customerId, HttpContext context, ApiChanges api, ApiProblems problems, IDbContextFactory<CrmDbContext> contexts, bool? archived, int? limit, string? cursor)
    {
        if (!api.TryLimit(limit, out var size, out var refusal))
        {
            return refusal!;
        }

        string? afterName = null;
        long afterId = 0;
        if (!string.IsNullOrEmpty(cursor) && !api.TryReadCursor(cursor, "contacts", out afterName, out afterId))
        {
            return api.BadCursor();
        }

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, context.RequestAborted))
        {
            return problems.Result(StatusCodes.Status404NotFound);
        }

        var contacts = db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId);
        if (archived != true)
        {
            contacts = contacts.Where(c => !c.IsArchived);
        }

        if (afterName is not null)
        {
            contacts = contacts.Where(c => string.Compare(c.Name, afterName) > 0 || (c.Name == afterName && c.Id > afterId));
        }

        var rows = await contacts.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(size + 1).ToListAsync(context.RequestAborted);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(rows.Count - 1);
            next = api.Cursor("contacts", rows[^1].Name, rows[^1].Id);
        }

        return TypedResults.Ok(new ApiPage<ApiContact>([.. rows.Select(ApiContact.From)], next));
    }

    private static async Task<IResult> CreateAsync(long customerId, ApiContactInput body, HttpContext context, ApiChanges api, CustomerService customers)
    {
        var input = new ContactInput();
        body.ApplyTo(input);
        var result = await customers.SaveContactAsync(customerId, null, input, context.RequestAborted);
        if (!result.Succeeded)
        {
            return api.Refusal(result);
        }

        var contact = (await customers.GetAsync(customerId, context.RequestAborted))!.Contacts.Single(c => c.Id == result.Id);
        context.Response.Headers.ETag = ApiChanges.ETag(contact.RowVersion);
        return TypedResults.Created($"{ApiEndpoints.Version1}/customers/{customerId}/contacts/{contact.Id}", ApiContact.From(contact));
    }

    private static async Task<IResult> UpdateAsync(long customerId, long contactId, ApiContactInput body, HttpContext context, ApiChanges api, ApiProblems problems, CustomerService customers)
    {
        if (!api.TryIfMatch(context, out var version, out var refusal))
        {
            return refusal!;
        }

        if ((await customers.GetAsync(customerId, context.RequestAborted))?.Contacts.FirstOrDefault(c => c.Id == contactId) is not { } existing)
        {
            return problems.Result(StatusCodes.Status404NotFound);
        }

        var input = ContactInput.From(existing);
        body.ApplyTo(input);
        input.RowVersion = version;
        var result = await customers.SaveContactAsync(customerId, contactId, input, context.RequestAborted);
        if (!result.Succeeded)
        {
            return api.Refusal(result);
        }

        var contact = (await customers.GetAsync(customerId, context.RequestAborted))!.Contacts.Single(c => c.Id == contactId);
        context.Response.Headers.ETag = ApiChanges.ETag(contact.RowVersion);
        return TypedResults.Ok(ApiContact.From(contact));
    }
}

/// <summary>A contact as a client sends it to add or change one (<c>PUT</c> replaces these values; e-mail consent stays as it is).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ApiContactInput
{
    /// <summary>The full name.</summary>
    public string? Name { get; set; }

    /// <summary>The role.</summary>
    public string? Role { get; set; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>The language of messages to the contact (en, ta, kn, gu, ur, ka), or none for the customer's.</summary>
    public string? Language { get; set; }

    /// <summary>Whether the customer's primary contact.</summary>
    public bool? IsPrimary { get; set; }

    internal void ApplyTo(ContactInput input)
    {
        input.Name = Name ?? string.Empty;
        input.Role = Role;
        input.Email = Email;
        input.Phone = Phone;
        input.Language = Language;
        input.IsPrimary = IsPrimary ?? input.IsPrimary;
    }
}

/// <summary>A contact as the API shows it.</summary>
/// <param name="Id">The id.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Name">The full name.</param>
/// <param name="Role">The role.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="Language">The language of messages to the contact.</param>
/// <param name="IsPrimary">Whether the primary contact.</param>
/// <param name="IsArchived">Whether archived (left the company).</param>
/// <param name="CreatedAt">When added.</param>
/// <param name="RowVersion">The version (also the <c>ETag</c>, for a later change's <c>If-Match</c>).</param>
public sealed record ApiContact(
    long Id, long CustomerId, string Name, string? Role, string? Email, string? Phone, string? Language, bool IsPrimary, bool IsArchived,
    DateTimeOffset CreatedAt, Guid RowVersion)
{
    internal static ApiContact From(Contact c) =>
        new(c.Id, c.CustomerId, c.Name, c.Role, c.Email, c.Phone, c.Language, c.IsPrimary, c.IsArchived, c.CreatedAt, c.RowVersion);
}
