using CrmBlazor.Sdk.Navigation;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>The filters of the customer list as the user set them.</summary>
public sealed class CustomerListFilter
{
    /// <summary>Search text.</summary>
    public string? Search { get; set; }

    /// <summary>Company or person.</summary>
    public CustomerKind? Kind { get; set; }

    /// <summary>Account manager.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Tag.</summary>
    public long? TagId { get; set; }

    /// <summary>Segment.</summary>
    public long? SegmentId { get; set; }

    /// <summary>Whether archived customers are shown.</summary>
    public bool IncludeArchived { get; set; }

    /// <summary>
    /// Reads the filters from the address: values that are not numbers, or name a tag, segment or user
    /// the list does not offer, are left out and noted.
    /// </summary>
    /// <param name="search">The <c>q</c> parameter.</param>
    /// <param name="tag">The <c>tag</c> parameter.</param>
    /// <param name="segment">The <c>segment</c> parameter.</param>
    /// <param name="owner">The <c>owner</c> parameter.</param>
    /// <param name="options">The choices the list offers.</param>
    public static (CustomerListFilter Filter, AddressQuery Address) FromAddress(string? search, string? tag, string? segment, string? owner, CustomerListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = new AddressQuery();
        var filter = new CustomerListFilter
        {
            Search = address.Text("q", search),
            TagId = Offered(address, "tag", tag, address.Id("tag", tag), options.Tags.Select(t => t.Id)),
            SegmentId = Offered(address, "segment", segment, address.Id("segment", segment), options.Segments.Select(s => s.Id)),
            OwnerUserId = Offered(address, "owner", owner, address.Text("owner", owner), options.Users.Select(u => u.Id)),
        };
        return (filter, address);
    }

    private static long? Offered(AddressQuery address, string name, string? given, long? value, IEnumerable<long> offered)
    {
        if (value is not { } id || offered.Contains(id))
        {
            return value;
        }

        address.Refuse(name, given);
        return null;
    }

    private static string? Offered(AddressQuery address, string name, string? given, string? value, IEnumerable<string> offered)
    {
        if (value is null || offered.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        address.Refuse(name, given);
        return null;
    }

    /// <summary>The list query for a page.</summary>
    public CustomerListQuery ToQuery(int page, int pageSize, CustomerSort sort, bool descending) =>
        new(Search, OwnerUserId, null, TagId, SegmentId, Kind, IncludeArchived, sort, descending, page, pageSize);

    /// <summary>The filters as address parameters (empty ones removed).</summary>
    public Dictionary<string, object?> ToAddressParameters() => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        ["tag"] = TagId,
        ["segment"] = SegmentId,
        ["owner"] = OwnerUserId,
    };

    /// <summary>The filters as parameters of the export endpoints.</summary>
    public Dictionary<string, object?> ToQueryParameters() => new(ToAddressParameters())
    {
        ["kind"] = Kind?.ToString(),
        ["archived"] = IncludeArchived ? "true" : null,
    };
}

/// <summary>The choices of the list's filters.</summary>
/// <param name="Users">Account managers.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Segments">Segments.</param>
public sealed record CustomerListOptions(
    IReadOnlyList<(string Id, string Name)> Users,
    IReadOnlyList<(long Id, string Name)> Tags,
    IReadOnlyList<(long Id, string Name)> Segments)
{
    /// <summary>No choices (before loading).</summary>
    public static CustomerListOptions Empty { get; } = new([], [], []);
}
