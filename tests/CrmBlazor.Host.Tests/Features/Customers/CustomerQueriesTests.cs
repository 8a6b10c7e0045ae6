using CrmBlazor.Host.Features.Customers;

namespace CrmBlazor.Host.Tests.Features.Customers;

/// <summary>
/// When the list finds a search's page by reading customers in its order and looking each one's terms
/// up, instead of sorting every match (CustomerQueries.WalksInOrder): only for thousands of matches,
/// on their first pages, for a search on its own, in an order an index holds.
/// </summary>
public sealed class CustomerQueriesTests
{
    private const int PageSize = 25;
    private const int ThousandsOfMatches = 15_000;

    [Theory]
    [InlineData(CustomerSort.Name, false)]
    [InlineData(CustomerSort.Name, true)]
    [InlineData(CustomerSort.Industry, false)]
    [InlineData(CustomerSort.LastInteractionAt, false)]
    [InlineData(CustomerSort.LastInteractionAt, true)]
    public void WalksInOrder_ThousandsOfMatchesOnTheFirstPage_Walks(CustomerSort sort, bool descending)
    {
        var query = new CustomerListQuery(Search: "info", Sort: sort, Descending: descending);

        Assert.True(CustomerQueries.WalksInOrder(query, PageSize, ThousandsOfMatches));
    }

    [Fact]
    public void WalksInOrder_FewerMatchesThanTheThreshold_SortsTheMatches()
    {
        var query = new CustomerListQuery(Search: "chennai");

        Assert.False(CustomerQueries.WalksInOrder(query, PageSize, CustomerQueries.DenseSearchMatches - 1));
    }

    [Fact]
    public void WalksInOrder_APageBeyondTheFirstTenthOfTheMatches_SortsTheMatches()
    {
        var query = new CustomerListQuery(Search: "info", Page: 100);

        Assert.False(CustomerQueries.WalksInOrder(query, 101 * PageSize, ThousandsOfMatches));
    }

    [Fact]
    public void WalksInOrder_NoSearch_DoesNotWalk()
    {
        Assert.False(CustomerQueries.WalksInOrder(new CustomerListQuery(), PageSize, ThousandsOfMatches));
    }

    private static readonly Dictionary<string, CustomerListQuery> SearchesWithAnotherFilterOrOrder = new()
    {
        ["industry"] = new(Search: "info", Industry: "Textiles"),
        ["owner"] = new(Search: "info", OwnerUserId: "user-1"),
        ["tag"] = new(Search: "info", TagId: 3),
        ["segment"] = new(Search: "info", SegmentId: 2),
        ["kind"] = new(Search: "info", Kind: CustomerKind.Person),
        ["archived included"] = new(Search: "info", IncludeArchived: true),
        ["industry descending"] = new(Search: "info", Sort: CustomerSort.Industry, Descending: true),
        ["creation date"] = new(Search: "info", Sort: CustomerSort.CreatedAt),
    };

    [Theory]
    [InlineData("industry")]
    [InlineData("owner")]
    [InlineData("tag")]
    [InlineData("segment")]
    [InlineData("kind")]
    [InlineData("archived included")]
    [InlineData("industry descending")]
    [InlineData("creation date")]
    public void WalksInOrder_AnotherFilterOrAnOrderWithoutItsIndex_SortsTheMatches(string situation)
    {
        var query = SearchesWithAnotherFilterOrOrder[situation];

        Assert.False(CustomerQueries.WalksInOrder(query, PageSize, ThousandsOfMatches));
    }
}
