using System.Globalization;
using System.Text;
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
    /// <remarks>
    /// On PostgreSQL the matches are gathered into an array first (<see cref="MatchesFirstOnPostgres"/>),
    /// unless every word is a single letter: such a prefix matches a large part of the customers (a
    /// third for "a" at 100,000), and for that many a hash join with a scan of the customers beats
    /// looking each one up (65 ms against 100 ms for the count), so they are made a set (GROUP BY,
    /// which EF Core keeps where it would drop a DISTINCT inside IN; an INTERSECT of several words
    /// already is a set). SQLite reads <c>Id IN (SELECT "CustomerId" ...)</c> as a set looked up by
    /// primary key already, and a GROUP BY would only sort the terms.
    /// </remarks>
    public static IQueryable<long>? MatchingCustomerIds(CrmDbContext db, string? query)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefixes = SearchText.PrefixesOfQuery(query);
        if (prefixes.Count == 0)
        {
            return null;
        }

        var postgres = !db.Database.IsSqlite();
        if (postgres && !prefixes.All(SearchText.IsOneLetter))
        {
            return MatchesFirstOnPostgres(db, prefixes);
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

        return postgres && prefixes.Count == 1 ? ids!.GroupBy(id => id).Select(group => group.Key) : ids;
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

        return ids;
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
    /// On PostgreSQL, the matching ids as <c>unnest(ARRAY(SELECT "CustomerId" ... [INTERSECT ...]))</c>:
    /// the matches are gathered into an array before the customers are read, and the customers are then
    /// looked up by primary key, one by one.
    /// </summary>
    /// <remarks>
    /// <c>Id IN (SELECT "CustomerId" ...)</c> leaves the planner to estimate how many customers match
    /// and where they are in the list's order, and it went wrong both ways at 100,000 customers
    /// (bench/run.sh core). As a semi-join it read the customers in name order,
    /// looking each one's terms up until a page was full, which the statistics cannot tell is slow for a
    /// common Urdu word: those customers all sort after the Latin names (29,000 read, 1.4 s). With the
    /// matches made a set first (GROUP BY), it hash-joined them with a scan of all 97,000 active
    /// customers for a word of 6,000 (65 ms, and the count 24 ms). An array's size is unknown to the
    /// planner until it runs, so it plans a handful of index lookups, which stays the cheap plan up to
    /// tens of thousands of matches: 10 ms for that word's page, 9 ms for its count. The array costs a
    /// few bytes per match in the server's memory for the query's duration. Duplicates (a customer with
    /// several terms starting with the word) are harmless: IN reads the array as a set.
    /// </remarks>
    private static IQueryable<long> MatchesFirstOnPostgres(CrmDbContext db, IReadOnlyList<string> prefixes)
    {
        var sql = new StringBuilder("SELECT unnest(ARRAY(");
        var parameters = new object[prefixes.Count * 2];
        for (var i = 0; i < prefixes.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : " INTERSECT ")
                .Append(CultureInfo.InvariantCulture, $"SELECT \"CustomerId\" FROM crm_search_terms WHERE \"Term\" >= {{{2 * i}}} AND \"Term\" < {{{2 * i + 1}}}");
            parameters[2 * i] = prefixes[i];
            parameters[2 * i + 1] = SearchText.UpperBound(prefixes[i]);
        }

        sql.Append(")) AS \"Value\"");
        return db.Database.SqlQueryRaw<long>(sql.ToString(), parameters);
    }
}
