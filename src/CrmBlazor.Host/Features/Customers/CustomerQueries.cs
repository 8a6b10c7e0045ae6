using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Search;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>How the customer list is sorted.</summary>
public enum CustomerSort
{
    /// <summary>By name.</summary>
    Name,

    /// <summary>By industry, then name.</summary>
    Industry,

    /// <summary>By creation date.</summary>
    CreatedAt,

    /// <summary>By the date of the latest interaction.</summary>
    LastInteractionAt,
}

/// <summary>A filtered, sorted page of the customer list.</summary>
/// <param name="Search">Words or prefixes of names, e-mail addresses, phone numbers or tags, in any script.</param>
/// <param name="OwnerUserId">Only customers of this account manager.</param>
/// <param name="Industry">Only customers of this industry.</param>
/// <param name="TagId">Only customers with this tag.</param>
/// <param name="SegmentId">Only members of this segment.</param>
/// <param name="Kind">Only companies or only persons.</param>
/// <param name="IncludeArchived">Whether archived customers are listed too.</param>
/// <param name="Sort">The sort order.</param>
/// <param name="Descending">Whether to sort descending.</param>
/// <param name="Page">Zero-based page number.</param>
/// <param name="PageSize">Rows per page (at most 200).</param>
public sealed record CustomerListQuery(
    string? Search = null,
    string? OwnerUserId = null,
    string? Industry = null,
    long? TagId = null,
    long? SegmentId = null,
    CustomerKind? Kind = null,
    bool IncludeArchived = false,
    CustomerSort Sort = CustomerSort.Name,
    bool Descending = false,
    int Page = 0,
    int PageSize = 25);

/// <summary>A row of the customer list.</summary>
/// <param name="Id">The customer id.</param>
/// <param name="Kind">Company or person.</param>
/// <param name="Name">The name.</param>
/// <param name="Industry">The industry.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="OwnerName">The account manager's name.</param>
/// <param name="LastInteractionAt">The latest interaction.</param>
/// <param name="IsArchived">Whether archived.</param>
public sealed record CustomerRow(
    long Id,
    CustomerKind Kind,
    string Name,
    string? Industry,
    string? Email,
    string? Phone,
    string? OwnerName,
    DateTimeOffset? LastInteractionAt,
    bool IsArchived);

/// <summary>
/// The read side of customers, for pages: the list, a customer's facts, the choices of the list's filters
/// and of the edit dialog. Its static methods are the list's query code on a context, which the exports,
/// <see cref="CustomerDirectory"/> and the benchmark compose in a unit of work of their own.
/// </summary>
public sealed class CustomerQueries(IDbContextFactory<CrmDbContext> contexts, IUserDirectory users, TimeProvider clock)
{
    /// <summary>Largest page served.</summary>
    public const int MaximumPageSize = 200;

    /// <summary>How many industries the edit dialog suggests at most.</summary>
    private const int IndustrySuggestions = 20;

    /// <summary>One page of the list and the total number of matching customers.</summary>
    /// <param name="query">The filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(IReadOnlyList<CustomerRow> Items, int Total)> PageAsync(CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db, query, cancellationToken);
    }

    /// <summary>The choices of the list's filters: account managers, tags and segments, each by name.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<CustomerListOptions> ListOptionsAsync(CancellationToken cancellationToken = default)
    {
        var people = await users.ListAsync(cancellationToken);
        var tags = await TagsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return new CustomerListOptions(
            [.. people.Select(u => (u.Id, u.Name))],
            tags,
            [.. segments.Select(s => (s.Id, s.Name))]);
    }

    /// <summary>The key figures in a customer page's header, as of now.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<CustomerFacts> FactsAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CustomerFacts.LoadAsync(db, customer.Id, customer.OwnerUserId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The tags customers have, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<(long Id, string Name)>> TagsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return [.. tags.Select(t => (t.Id, t.Name))];
    }

    /// <summary>The industries customers have that start with a text (all of them for none), by name: suggestions while typing.</summary>
    /// <param name="text">What the user typed, or null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<string>> IndustriesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var industries = db.Customers.Where(c => c.Industry != null).Select(c => c.Industry!).Distinct();
        if (!string.IsNullOrWhiteSpace(text))
        {
            industries = industries.Where(i => i.StartsWith(text));
        }

        return await industries.OrderBy(i => i).Take(IndustrySuggestions).ToListAsync(cancellationToken);
    }

    /// <summary>A customer's contacts that are not archived, by name: who can take part in an interaction.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<(long Id, string Name)>> ActiveContactsAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.CustomerId == customerId && !c.IsArchived).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return [.. contacts.Select(c => (c.Id, c.Name))];
    }

    /// <summary>
    /// From how many matches a search's page is first looked for by walking the list's order (see
    /// <see cref="WalksInOrder"/>): below, sorting the matches costs about what the walk's window does.
    /// </summary>
    public const int DenseSearchMatches = 5_000;

    /// <summary>
    /// How many customers the walk reads per row it needs: enough when one customer in 40 matches,
    /// spread over the order, and at most 1,000 probes spent in vain on a first page when they are not.
    /// </summary>
    public const int WalkWindow = 40;

    /// <summary>The customers matching the query's filters, unsorted.</summary>
    /// <param name="db">The context.</param>
    /// <param name="query">The filters.</param>
    public static IQueryable<Customer> Filter(CrmDbContext db, CustomerListQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var customers = db.Customers.AsNoTracking();
        if (!query.IncludeArchived)
        {
            // An equality with a parameter, not !c.IsArchived: EF Core writes both !c.IsArchived and
            // c.IsArchived == false as NOT ("IsArchived"), and SQLite reads the (IsArchived, Name)
            // index in name order only under an equality on IsArchived. Otherwise every opening of the
            // list sorts all active customers (measured by bench/run.sh core).
            var archived = false;
            customers = customers.Where(c => c.IsArchived == archived);
        }

        if (SearchIndex.MatchingCustomerIds(db, query.Search) is { } ids)
        {
            customers = customers.Where(c => ids.Contains(c.Id));
        }

        if (query.OwnerUserId is { } owner)
        {
            customers = customers.Where(c => c.OwnerUserId == owner);
        }

        if (query.Industry is { } industry)
        {
            customers = customers.Where(c => c.Industry == industry);
        }

        if (query.Kind is { } kind)
        {
            customers = customers.Where(c => c.Kind == kind);
        }

        if (query.TagId is { } tagId)
        {
            customers = customers.Where(c => c.Tags.Any(t => t.Id == tagId));
        }

        if (query.SegmentId is { } segmentId)
        {
            customers = customers.Where(c => db.SegmentMembers.Any(m => m.SegmentId == segmentId && m.CustomerId == c.Id));
        }

        return customers;
    }

    /// <summary>The customers matching the query, sorted (with the id as tie-breaker, so pages are stable).</summary>
    /// <param name="db">The context.</param>
    /// <param name="query">The filters and order.</param>
    public static IQueryable<Customer> Sorted(CrmDbContext db, CustomerListQuery query) => Order(Filter(db, query), query);

    /// <summary>Rows for display, with the account manager's name.</summary>
    /// <param name="db">The context.</param>
    /// <param name="customers">Sorted customers.</param>
    public static IQueryable<CustomerRow> Rows(CrmDbContext db, IQueryable<Customer> customers) =>
        from c in customers
        join u in db.Users on c.OwnerUserId equals u.Id into owners
        from owner in owners.DefaultIfEmpty()
        select new CustomerRow(c.Id, c.Kind, c.Name, c.Industry, c.Email, c.Phone,
            owner == null ? null : (owner.DisplayName ?? owner.Email), c.LastInteractionAt, c.IsArchived);

    /// <summary>One page of the list and the total number of matching customers.</summary>
    /// <param name="db">The context.</param>
    /// <param name="query">The filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<(IReadOnlyList<CustomerRow> Items, int Total)> PageAsync(CrmDbContext db, CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pageSize = Math.Clamp(query.PageSize, 1, MaximumPageSize);
        var total = await Filter(db, query).CountAsync(cancellationToken);

        // The page's ids first, found with only what the filters and the order need (which the indexes
        // hold), then just those rows read whole. Selecting whole rows in one query made PostgreSQL read
        // every matching customer from the table before sorting: 2,700 pages for an industry and a tag
        // at 100,000 customers, against 190 this way (bench/run.sh core).
        var paged = query with { Page = Math.Max(0, query.Page), PageSize = pageSize };
        var walked = WalksInOrder(paged, (paged.Page + 1) * pageSize, total) ? await WalkedPageIdsAsync(db, paged, cancellationToken) : null;
        var customers = db.Customers.AsNoTracking();
        if (walked is null)
        {
            var ids = SortedPageIds(db, paged);
            customers = customers.Where(c => ids.Contains(c.Id));
        }
        else
        {
            customers = customers.Where(c => walked.Contains(c.Id));
        }

        var page = Order(customers, query);
        return (await Rows(db, page).ToListAsync(cancellationToken), total);
    }

    /// <summary>The ids of the query's page, in order, from all matching customers sorted.</summary>
    /// <param name="db">The context.</param>
    /// <param name="query">The filters, order and page (its size within bounds).</param>
    internal static IQueryable<long> SortedPageIds(CrmDbContext db, CustomerListQuery query) =>
        Sorted(db, query).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(c => c.Id);

    /// <summary>
    /// The ids of a search's page, in order, found by reading the first customers of the list's order
    /// (<see cref="WalkWindow"/> times the rows up to the end of the page) and looking each one's terms
    /// up; or null when that window holds less than the page.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="query">A search that <see cref="WalksInOrder"/>, its page size within bounds.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    internal static async Task<List<long>?> WalkedPageIdsAsync(CrmDbContext db, CustomerListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rowsNeeded = (query.Page + 1) * query.PageSize;
        var window = Sorted(db, query with { Search = null }).Take(rowsNeeded * WalkWindow);
        var matches = SearchIndex.WhereEachMatches(db, window, query.Search)
            ?? throw new ArgumentException("The query has no searchable word.", nameof(query));
        var ids = await Order(matches, query).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(c => c.Id).ToListAsync(cancellationToken);
        return ids.Count == query.PageSize ? ids : null;
    }

    /// <summary>
    /// Whether to look for a search's page by reading the customers in the list's order (an index)
    /// and looking each one's terms up, before sorting all its matches: when the words match
    /// thousands of customers, as the first letters of a common word or a mailbox name such as
    /// "info" do, a page is full after a few hundred customers read, while sorting reads every match
    /// (15,000 for "office" at 100,000 customers: 20 ms on SQLite against 2 ms). The total, counted
    /// first, says how many match, but not where they are in the order: the customers whose names
    /// are in one script sort together (an Urdu word's matches come after every Latin name), so the
    /// walk reads a bounded window (<see cref="WalkedPageIdsAsync"/>) and the matches are sorted
    /// when it falls short.
    /// </summary>
    /// <remarks>
    /// Only for a search on its own, among active customers, in an order an index holds (name either
    /// way, industry ascending, last interaction either way: see <c>CustomerConfiguration</c>); other
    /// filters have indexes of their own that a walk in the list's order would bypass.
    /// </remarks>
    internal static bool WalksInOrder(CustomerListQuery query, int rowsNeeded, int total) =>
        query is { IncludeArchived: false, OwnerUserId: null, Industry: null, TagId: null, SegmentId: null, Kind: null }
        && (query.Sort is CustomerSort.Name or CustomerSort.LastInteractionAt || query is { Sort: CustomerSort.Industry, Descending: false })
        && !string.IsNullOrWhiteSpace(query.Search)
        && total >= DenseSearchMatches
        && (long)rowsNeeded * 10 <= total;

    private static IQueryable<Customer> Order(IQueryable<Customer> customers, CustomerListQuery query) =>
        (query.Sort, query.Descending) switch
        {
            (CustomerSort.Industry, false) => customers.OrderBy(c => c.Industry).ThenBy(c => c.Name).ThenBy(c => c.Id),
            (CustomerSort.Industry, true) => customers.OrderByDescending(c => c.Industry).ThenBy(c => c.Name).ThenBy(c => c.Id),
            (CustomerSort.CreatedAt, false) => customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            (CustomerSort.CreatedAt, true) => customers.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            (CustomerSort.LastInteractionAt, false) => customers.OrderBy(c => c.LastInteractionAt).ThenBy(c => c.Id),
            (CustomerSort.LastInteractionAt, true) => customers.OrderByDescending(c => c.LastInteractionAt).ThenByDescending(c => c.Id),
            (_, true) => customers.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
            _ => customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
        };
}
