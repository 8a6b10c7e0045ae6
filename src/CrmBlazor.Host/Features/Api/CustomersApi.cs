using System.Globalization;
using System.Text.Json.Serialization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Api;

/// <summary>
/// <c>/api/v1/customers</c>: the customer list with filters, orders and cursors; one customer with its
/// <c>ETag</c>; creating one; changing one with <c>If-Match</c>. Every rule is the customer pages' own:
/// <see cref="CustomerQueries.Filter"/> for the list, <see cref="CustomerAccess"/> for who may see and
/// change, <see cref="CustomerService"/> for validation, per-record rules, audit and concurrent edits.
/// </summary>
public static class CustomersApi
{
    /// <summary>The orders the list accepts (<c>sort</c>), a leading <c>-</c> for descending.</summary>
    public static readonly IReadOnlyList<string> Orders = ["name", "-name", "created", "-created"];

    /// <summary>The message for a kind that is neither Company nor Person.</summary>
    internal static readonly Problem KindNotValid = new Problem("The kind is Company or Person.");

    /// <summary>Maps the customer endpoints on the API's group.</summary>
    /// <param name="api">The <c>/api/v1</c> group.</param>
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var customers = api.MapGroup("/customers").WithTags("Customers");

        customers.MapGet("", ListAsync)
            .WithName("ListCustomers").WithSummary("Lists customers, filtered and sorted, one page at a time.")
            .Produces<ApiPage<ApiCustomerRow>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(CorePermissions.ViewCustomers);

        customers.MapGet("/{id:long}", GetAsync)
            .WithName("GetCustomer").WithSummary("Gets one customer, with its version as ETag.")
            .Produces<ApiCustomer>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(CorePermissions.ViewCustomers);

        customers.MapPost("", CreateAsync)
            .WithName("CreateCustomer").WithSummary("Creates a customer; the token's user is its account manager unless another is given.")
            .Accepts<ApiCustomerInput>("application/json")
            .Produces<ApiCustomer>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(CorePermissions.EditCustomers)
            .Idempotent();

        customers.MapPut("/{id:long}", UpdateAsync)
            .WithName("UpdateCustomer").WithSummary("Changes a customer; If-Match must name the version the change was made on.")
            .Accepts<ApiCustomerInput>("application/json")
            .Produces<ApiCustomer>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequireAuthorization(CorePermissions.EditCustomers);
        return customers;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, ApiChanges api, IDbContextFactory<CrmDbContext> contexts,
        string? search, string? industry, long? tag, long? segment, string? owner, string? kind, bool? archived, string? sort, int? limit, string? cursor)
    {
        var order = string.IsNullOrEmpty(sort) ? "name" : sort;
        if (!Orders.Contains(order))
        {
            return api.BadValue("sort", new Problem("Sort by {0}.", string.Join(", ", Orders)));
        }

        CustomerKind? kindValue = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<CustomerKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return api.BadValue("kind", KindNotValid);
            }

            kindValue = parsed;
        }

        if (!api.TryLimit(limit, out var size, out var refusal))
        {
            return refusal!;
        }

        string? afterKey = null;
        long afterId = 0;
        if (!string.IsNullOrEmpty(cursor) && !api.TryReadCursor(cursor, order, out afterKey, out afterId))
        {
            return api.BadCursor();
        }

        var query = new CustomerListQuery(
            Search: string.IsNullOrWhiteSpace(search) ? null : search,
            OwnerUserId: string.IsNullOrEmpty(owner) ? null : owner,
            Industry: string.IsNullOrEmpty(industry) ? null : industry,
            TagId: tag,
            SegmentId: segment,
            Kind: kindValue,
            IncludeArchived: archived ?? false);

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var matching = CustomerQueries.Filter(db, query);
        IQueryable<Customer> page;
        switch (order)
        {
            case "name":
                if (afterKey is not null)
                {
                    matching = matching.Where(c => string.Compare(c.Name, afterKey) > 0 || (c.Name == afterKey && c.Id > afterId));
                }

                page = matching.OrderBy(c => c.Name).ThenBy(c => c.Id);
                break;
            case "-name":
                if (afterKey is not null)
                {
                    matching = matching.Where(c => string.Compare(c.Name, afterKey) < 0 || (c.Name == afterKey && c.Id < afterId));
                }

                page = matching.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id);
                break;
            case "created":
                if (afterKey is not null)
                {
                    var after = Ticks(afterKey);
                    matching = matching.Where(c => c.CreatedAt > after || (c.CreatedAt == after && c.Id > afterId));
                }

                page = matching.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
                break;
            default:
                if (afterKey is not null)
                {
                    var after = Ticks(afterKey);
                    matching = matching.Where(c => c.CreatedAt < after || (c.CreatedAt == after && c.Id < afterId));
                }

                page = matching.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
                break;
        }

        var rows = await (
            from c in page.Take(size + 1)
            join u in db.Users on c.OwnerUserId equals u.Id into owners
            from o in owners.DefaultIfEmpty()
            select new { c.Id, c.Kind, c.Name, c.Industry, c.Email, c.Phone, c.OwnerUserId, OwnerName = o == null ? null : (o.DisplayName ?? o.Email), c.CreatedAt, c.LastInteractionAt, c.IsArchived })
            .ToListAsync(context.RequestAborted);

        // The join keeps the order of the page on both providers only by chance: sort the page again here.
        var sorted = order switch
        {
            "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id),
            "-name" => rows.OrderByDescending(r => r.Name, StringComparer.Ordinal).ThenByDescending(r => r.Id),
            "created" => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        };
        var items = sorted.ToList();
        string? next = null;
        if (items.Count > size)
        {
            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            next = api.Cursor(order, order.EndsWith("name", StringComparison.Ordinal) ? last.Name : last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.Id);
        }

        return TypedResults.Ok(new ApiPage<ApiCustomerRow>(
            [.. items.Select(r => new ApiCustomerRow(r.Id, r.Kind.ToString(), r.Name, r.Industry, r.Email, r.Phone, r.OwnerUserId, r.OwnerName, r.CreatedAt, r.LastInteractionAt, r.IsArchived))],
            next));
    }

    private static DateTimeOffset Ticks(string key) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    // The customer page's own rules: CustomerAccess says who may see customers, CustomerService loads one.
    private static async Task<IResult> GetAsync(long id, HttpContext context, CustomerAccess access, CustomerService customers, ApiProblems problems)
    {
        if (!await access.CanViewAsync(context.User) || await customers.GetAsync(id, context.RequestAborted) is not { } customer)
        {
            return problems.Result(StatusCodes.Status404NotFound);
        }

        context.Response.Headers.ETag = ApiChanges.ETag(customer.RowVersion);
        return TypedResults.Ok(await ApiCustomer.FromAsync(customer, access, context.User));
    }

    private static async Task<IResult> CreateAsync(ApiCustomerInput body, HttpContext context, ApiChanges api, CustomerAccess access, CustomerService customers)
    {
        var input = new CustomerInput();
        if (body.ApplyTo(input) is { } invalid)
        {
            return api.Invalid(invalid);
        }

        var result = await customers.CreateAsync(input, context.RequestAborted);
        if (!result.Succeeded)
        {
            return api.Refusal(result);
        }

        var customer = (await customers.GetAsync(result.Id!.Value, context.RequestAborted))!;
        context.Response.Headers.ETag = ApiChanges.ETag(customer.RowVersion);
        return TypedResults.Created($"{ApiEndpoints.Version1}/customers/{customer.Id}", await ApiCustomer.FromAsync(customer, access, context.User));
    }

    private static async Task<IResult> UpdateAsync(long id, ApiCustomerInput body, HttpContext context, ApiChanges api, ApiProblems problems, CustomerAccess access, CustomerService customers)
    {
        if (!api.TryIfMatch(context, out var version, out var refusal))
        {
            return refusal!;
        }

        if (await customers.GetAsync(id, context.RequestAborted) is not { } existing)
        {
            return problems.Result(StatusCodes.Status404NotFound);
        }

        var input = CustomerInput.From(existing);
        if (body.ApplyTo(input) is { } invalid)
        {
            return api.Invalid(invalid);
        }

        // The version the caller named, not the one just loaded: a change made on an older copy is refused.
        input.RowVersion = version;
        var result = await customers.UpdateAsync(id, input, context.RequestAborted);
        if (!result.Succeeded)
        {
            return api.Refusal(result);
        }

        var customer = (await customers.GetAsync(id, context.RequestAborted))!;
        context.Response.Headers.ETag = ApiChanges.ETag(customer.RowVersion);
        return TypedResults.Ok(await ApiCustomer.FromAsync(customer, access, context.User));
    }
}

/// <summary>A customer as a client sends it to create or change one (<c>PUT</c> replaces these values; addresses and consent stay as they are).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ApiCustomerInput
{
    /// <summary>Company (the default) or Person.</summary>
    public string? Kind { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The industry.</summary>
    public string? Industry { get; set; }

    /// <summary>The main e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>The main phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>The web site.</summary>
    public string? Website { get; set; }

    /// <summary>The three-letter ISO currency code (EUR when absent).</summary>
    public string? Currency { get; set; }

    /// <summary>The language messages to the customer are written in (en, ta, kn, gu, ur, ka).</summary>
    public string? Language { get; set; }

    /// <summary>The account manager's user id; the token's user when absent on a create.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Notes.</summary>
    public string? Notes { get; set; }

    /// <summary>The tags by name; created when new.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Copies the values onto the service's input; the messages of a value that cannot be copied, or null.</summary>
    /// <param name="input">The input the pages use.</param>
    internal Dictionary<string, Problem[]>? ApplyTo(CustomerInput input)
    {
        if (Kind is not null)
        {
            if (!Enum.TryParse<CustomerKind>(Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            {
                return new() { [nameof(Kind)] = [CustomersApi.KindNotValid] };
            }

            input.Kind = kind;
        }

        input.Name = Name ?? string.Empty;
        input.Industry = Industry;
        input.Email = Email;
        input.Phone = Phone;
        input.Website = Website;
        input.Currency = Currency ?? (input.Currency.Length == 0 ? "EUR" : input.Currency);
        input.Language = Language;
        input.OwnerUserId = OwnerUserId ?? input.OwnerUserId;
        input.Notes = Notes;
        input.Tags = Tags ?? [];
        return null;
    }
}

/// <summary>A row of the customer list.</summary>
/// <param name="Id">The id.</param>
/// <param name="Kind">Company or Person.</param>
/// <param name="Name">The name.</param>
/// <param name="Industry">The industry.</param>
/// <param name="Email">The main e-mail address.</param>
/// <param name="Phone">The main phone number.</param>
/// <param name="OwnerUserId">The account manager's user id.</param>
/// <param name="OwnerName">The account manager's name.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="LastInteractionAt">The latest interaction.</param>
/// <param name="IsArchived">Whether archived.</param>
public sealed record ApiCustomerRow(
    long Id, string Kind, string Name, string? Industry, string? Email, string? Phone, string? OwnerUserId, string? OwnerName,
    DateTimeOffset CreatedAt, DateTimeOffset? LastInteractionAt, bool IsArchived);

/// <summary>A customer as the API shows it (<c>GET /api/v1/customers/{id}</c>).</summary>
/// <param name="Id">The id.</param>
/// <param name="Kind">Company or Person.</param>
/// <param name="Name">The name.</param>
/// <param name="Industry">The industry.</param>
/// <param name="Email">The main e-mail address.</param>
/// <param name="Phone">The main phone number.</param>
/// <param name="Website">The web site.</param>
/// <param name="Currency">The currency.</param>
/// <param name="Language">The language messages to it are written in.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Tags">The tags by name.</param>
/// <param name="OwnerUserId">The account manager's user id.</param>
/// <param name="IsArchived">Whether archived.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="UpdatedAt">When last changed.</param>
/// <param name="RowVersion">The version (also the <c>ETag</c>, for a later change's <c>If-Match</c>).</param>
/// <param name="CanEdit">Whether the token's user may change it.</param>
public sealed record ApiCustomer(
    long Id, string Kind, string Name, string? Industry, string? Email, string? Phone, string? Website, string Currency, string? Language,
    string? Notes, IReadOnlyList<string> Tags, string? OwnerUserId, bool IsArchived, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid RowVersion, bool CanEdit)
{
    /// <summary>The API's view of a customer for a user.</summary>
    /// <param name="customer">The customer, with its tags.</param>
    /// <param name="access">The per-record rules.</param>
    /// <param name="user">The token's user.</param>
    internal static async Task<ApiCustomer> FromAsync(Customer customer, CustomerAccess access, System.Security.Claims.ClaimsPrincipal user) => new(
        customer.Id, customer.Kind.ToString(), customer.Name, customer.Industry, customer.Email, customer.Phone, customer.Website,
        customer.Currency, customer.Language, customer.Notes, [.. customer.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
        customer.OwnerUserId, customer.IsArchived, customer.CreatedAt, customer.UpdatedAt, customer.RowVersion,
        await access.CanEditAsync(user, customer.OwnerUserId));
}
