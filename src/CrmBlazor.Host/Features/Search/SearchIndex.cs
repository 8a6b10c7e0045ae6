using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Search;

/// <summary>Keeps <c>crm_search_terms</c> in step with customers and their contacts.</summary>
public static class SearchIndex
{
    /// <summary>The terms of a customer and its contacts, as rows to store.</summary>
    /// <param name="customer">The customer, with <see cref="Customer.Contacts"/> and <see cref="Customer.Tags"/> loaded.</param>
    public static IEnumerable<SearchTerm> TermsOf(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var own = SearchText.TermsOfText(customer.Name)
            .Concat(SearchText.TermsOfEmail(customer.Email))
            .Concat(SearchText.TermsOfPhone(customer.Phone))
            .Concat(customer.Tags.SelectMany(t => SearchText.TermsOfText(t.Name)));
        foreach (var term in own.Distinct(StringComparer.Ordinal))
        {
            yield return new SearchTerm { Term = term, CustomerId = customer.Id, ContactId = 0 };
        }

        foreach (var contact in customer.Contacts)
        {
            var terms = SearchText.TermsOfText(contact.Name)
                .Concat(SearchText.TermsOfEmail(contact.Email))
                .Concat(SearchText.TermsOfPhone(contact.Phone));
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                yield return new SearchTerm { Term = term, CustomerId = customer.Id, ContactId = contact.Id };
            }
        }
    }

    /// <summary>
    /// Replaces the stored terms of a saved customer (call within the unit of work that saved it, after
    /// the save, so the customer and contact ids are known).
    /// </summary>
    /// <param name="db">The context that saved the customer.</param>
    /// <param name="customer">The customer with contacts and tags loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task ReindexAsync(CrmDbContext db, Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SearchTerms.Where(t => t.CustomerId == customer.Id).ExecuteDeleteAsync(cancellationToken);
        db.SearchTerms.AddRange(TermsOf(customer));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The ids of customers that have, for every word of the query, a term starting with it (in
    /// their own fields or a contact's). Composable: use it in <c>Where(c => ids.Contains(c.Id))</c>.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="query">What the user typed.</param>
    /// <returns>The matching customer ids, or null when the query has no searchable word.</returns>
    public static IQueryable<long>? MatchingCustomerIds(CrmDbContext db, string? query)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefixes = SearchText.PrefixesOfQuery(query);
        if (prefixes.Count == 0)
        {
            return null;
        }

        IQueryable<long>? ids = null;
        foreach (var prefix in prefixes)
        {
            var upper = SearchText.UpperBound(prefix);
            var matches = db.SearchTerms
                .Where(t => string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.CustomerId);
            ids = ids is null ? matches : ids.Intersect(matches);
        }

        return MatchesFirst(db, ids!, prefixes.Count);
    }

    /// <summary>
    /// The ids of contacts matching every word of the query, for showing which contact a result was
    /// found through.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="query">What the user typed.</param>
    public static IQueryable<long>? MatchingContactIds(CrmDbContext db, string? query)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefixes = SearchText.PrefixesOfQuery(query);
        if (prefixes.Count == 0)
        {
            return null;
        }

        IQueryable<long>? ids = null;
        foreach (var prefix in prefixes)
        {
            var upper = SearchText.UpperBound(prefix);
            var matches = db.SearchTerms
                .Where(t => t.ContactId != 0 && string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0)
                .Select(t => t.ContactId);
            ids = ids is null ? matches : ids.Intersect(matches);
        }

        return MatchesFirst(db, ids!, prefixes.Count);
    }

    /// <summary>
    /// Narrows customers to those that have, for every word of the query, a term starting with it,
    /// looked up customer by customer (the index on (CustomerId, Term)). Cheap when most customers
    /// read match, as when walking the list's order for a page of a word that matches thousands;
    /// for a rare word, <see cref="MatchingCustomerIds"/> (the matches first) is the way.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="customers">The customers to narrow.</param>
    /// <param name="query">What the user typed.</param>
    /// <returns>The customers that match, or null when the query has no searchable word.</returns>
    public static IQueryable<Customer>? WhereEachMatches(CrmDbContext db, IQueryable<Customer> customers, string? query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customers);
        var prefixes = SearchText.PrefixesOfQuery(query);
        if (prefixes.Count == 0)
        {
            return null;
        }

        foreach (var prefix in prefixes)
        {
            var upper = SearchText.UpperBound(prefix);
            customers = customers.Where(c => db.SearchTerms.Any(t =>
                t.CustomerId == c.Id && string.Compare(t.Term, prefix) >= 0 && string.Compare(t.Term, upper) < 0));
        }

        return customers;
    }

    /// <summary>
    /// On PostgreSQL, makes the ids a set (GROUP BY; an INTERSECT of several words already is one),
    /// which it computes first and then joins, whatever the order of the list. (EF Core drops a
    /// DISTINCT inside IN as redundant; it keeps a GROUP BY.) SQLite makes the list of an IN a set
    /// itself, and is better without.
    /// </summary>
    /// <remarks>
    /// Without it, PostgreSQL turns <c>Id IN (SELECT "CustomerId" ...)</c> into a semi-join and, for a
    /// word it expects in a few percent of customers, prefers to read the customers in name order
    /// and look each one's terms up until a page is full. But the customers with a word of one
    /// script all sort together (Urdu names after Latin ones), which statistics cannot tell: a
    /// search for a common Urdu word read 29,000 customers and took 1.4 s at 100,000 customers
    /// (bench/run.sh core). A set cannot be looked up per customer, so the plan starts from the
    /// matching terms. On SQLite a GROUP BY (or DISTINCT) costs a sort of the matching terms, and
    /// with the index on (CustomerId, Term) SQLite even prefers to skip-scan that index in customer
    /// order over the whole table (100 ms for a word of 15,000 customers).
    /// </remarks>
    private static IQueryable<long> MatchesFirst(CrmDbContext db, IQueryable<long> ids, int words) =>
        words == 1 && !db.Database.IsSqlite() ? ids.GroupBy(id => id).Select(group => group.Key) : ids;
}
