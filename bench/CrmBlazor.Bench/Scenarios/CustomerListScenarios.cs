using System.Globalization;
using CrmBlazor.Bench.Measuring;
using CrmBlazor.Bench.Seeding;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Bench.Scenarios;

/// <summary>The customer list: searching it, and a filtered, sorted page of it.</summary>
internal static class CustomerListScenarios
{
    private const int PageSize = 25;

    /// <summary>
    /// Search as staff type it: a word of a name, the first letters of one, two words, a contact's name,
    /// an e-mail address or its domain, the end of a phone number; in every script of the firm.
    /// </summary>
    /// <param name="firm">The seeded firm.</param>
    /// <param name="contexts">The host's context factory.</param>
    /// <param name="sql">The hand-written SQL.</param>
    /// <param name="count">How many inputs.</param>
    /// <param name="random">Chooses the inputs.</param>
    /// <param name="given">Texts given with <c>--search</c>, used in turn instead of chosen ones.</param>
    public static Scenario Search(SyntheticFirm firm, IDbContextFactory<CrmDbContext> contexts, RawSql sql, int count, Random random, IReadOnlyList<string> given)
    {
        var inputs = Enumerable.Range(0, count).Select(i => given.Count > 0 ? given[i % given.Count] : SearchInput(firm, random, i)).ToList();
        return new Scenario(
            "search",
            "customer search (CustomerQueries.PageAsync with Search; word, prefix, two words, contact, e-mail, phone; all scripts), first page of 25 and the total",
            inputs.Count,
            i => $"search \"{inputs[i]}\"",
            async i =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                var (items, total) = await CustomerQueries.PageAsync(db, new CustomerListQuery(Search: inputs[i], PageSize: PageSize));
                return RawSql.Fingerprint(items, total);
            },
            async i =>
            {
                var prefixes = SearchText.PrefixesOfQuery(inputs[i]);
                var parameters = prefixes.SelectMany((p, n) => new (string, object?)[] { ($"p{n}", p), ($"u{n}", SearchText.UpperBound(p)) }).ToArray();

                // The matches first, as the host gathers them (SearchIndex.MatchingCustomerIds): on
                // PostgreSQL into an array that the customers are then looked up from by primary key
                // (a semi-join with the terms lets the planner guess, and it guesses a scan of every
                // customer for a word of thousands), or for single letters, which match a large part
                // of the customers, as a set (DISTINCT; INTERSECT for several words) hash-joined with
                // them; on SQLite an IN list, which it reads as a set.
                var oneLetters = prefixes.All(SearchText.IsOneLetter);
                var distinct = !sql.IsSqlite && oneLetters && prefixes.Count == 1 ? "DISTINCT " : string.Empty;
                var terms = string.Join(" INTERSECT ", prefixes.Select((_, n) =>
                    $"SELECT {distinct}\"CustomerId\" FROM crm_search_terms WHERE \"Term\" >= @p{n} AND \"Term\" < @u{n}"));
                var matching = sql.IsSqlite || oneLetters ? terms : $"SELECT unnest(ARRAY({terms}))";
                var where = $"c.\"IsArchived\" = {sql.False} AND c.\"Id\" IN ({matching})";
                await using var connection = await sql.OpenAsync();
                await using var count = RawSql.Command(connection, $"SELECT COUNT(*) FROM crm_customers AS c WHERE {where}", parameters);
                var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

                // For thousands of matches, the first customers in name order first, each one's terms
                // looked up, as the host does (CustomerQueries.WalksInOrder and WalkedPageIdsAsync).
                if (total >= CustomerQueries.DenseSearchMatches && PageSize * 10 <= total)
                {
                    var matches = string.Join(" AND ", prefixes.Select((_, n) =>
                        $"EXISTS (SELECT 1 FROM crm_search_terms AS t WHERE t.\"CustomerId\" = c.\"Id\" AND t.\"Term\" >= @p{n} AND t.\"Term\" < @u{n})"));
                    await using var walk = RawSql.Command(connection,
                        $"SELECT {RawSql.RowColumns} FROM (SELECT * FROM crm_customers WHERE \"IsArchived\" = {sql.False} " +
                        $"ORDER BY \"Name\", \"Id\" LIMIT {PageSize * CustomerQueries.WalkWindow}) AS c " +
                        $"LEFT JOIN crm_users AS u ON u.\"Id\" = c.\"OwnerUserId\" WHERE {matches} ORDER BY c.\"Name\", c.\"Id\" LIMIT {PageSize}",
                        parameters);
                    if (await sql.ReadRowsAsync(walk) is { Count: PageSize } walked)
                    {
                        return RawSql.Fingerprint(walked, total);
                    }
                }

                await using var page = RawSql.Command(connection,
                    $"SELECT {RawSql.RowColumns} FROM crm_customers AS c LEFT JOIN crm_users AS u ON u.\"Id\" = c.\"OwnerUserId\" " +
                    $"WHERE {where} ORDER BY c.\"Name\", c.\"Id\" LIMIT {PageSize}",
                    parameters);
                return RawSql.Fingerprint(await sql.ReadRowsAsync(page), total);
            });
    }

    /// <summary>A page in the middle of the customers of one industry with one tag, latest interaction first.</summary>
    public static Scenario FilteredPage(SyntheticFirm firm, IDbContextFactory<CrmDbContext> contexts, RawSql sql, int count, Random random)
    {
        var inputs = new List<(string Industry, long TagId, int Page)>();
        while (inputs.Count < count)
        {
            var industry = Vocabulary.Industries[random.Next(Vocabulary.Industries.Length)];
            var tag = firm.Tags[random.Next(firm.Tags.Count)];
            var matching = firm.Customers.Count(c => !c.IsArchived && c.Industry == industry && c.Tags.Contains(tag));
            inputs.Add((industry, tag.Id, matching / PageSize / 2));
        }

        return new Scenario(
            "list",
            "list page (CustomerQueries.PageAsync): industry + tag filter, sorted by last interaction descending, a page in the middle, and the total",
            inputs.Count,
            i => $"industry \"{inputs[i].Industry}\", tag {inputs[i].TagId}, page {inputs[i].Page}",
            async i =>
            {
                var (industry, tagId, page) = inputs[i];
                await using var db = await contexts.CreateDbContextAsync();
                var (items, total) = await CustomerQueries.PageAsync(db, new CustomerListQuery(
                    Industry: industry, TagId: tagId, Sort: CustomerSort.LastInteractionAt, Descending: true, Page: page, PageSize: PageSize));
                return RawSql.Fingerprint(items, total);
            },
            async i =>
            {
                var (industry, tagId, page) = inputs[i];
                var (rows, total) = await sql.CustomerPageAsync(
                    $"c.\"IsArchived\" = {sql.False} AND c.\"Industry\" = @industry " +
                    "AND EXISTS (SELECT 1 FROM crm_customer_tags AS ct WHERE ct.\"CustomerId\" = c.\"Id\" AND ct.\"TagId\" = @tag)",
                    "c.\"LastInteractionAt\" DESC, c.\"Id\" DESC", page * PageSize, PageSize, ("industry", industry), ("tag", tagId));
                return RawSql.Fingerprint(rows, total);
            });
    }

    /// <summary>The list as it opens: no filter, sorted by one of the grid's sortable columns, one of the first pages.</summary>
    public static Scenario UnfilteredPage(IDbContextFactory<CrmDbContext> contexts, RawSql sql, int count, Random random)
    {
        (CustomerSort Sort, bool Descending, string OrderBy)[] orders =
        [
            (CustomerSort.Name, false, "c.\"Name\", c.\"Id\""),
            (CustomerSort.Name, true, "c.\"Name\" DESC, c.\"Id\" DESC"),
            (CustomerSort.Industry, false, "c.\"Industry\", c.\"Name\", c.\"Id\""),
            (CustomerSort.LastInteractionAt, true, "c.\"LastInteractionAt\" DESC, c.\"Id\" DESC"),
        ];
        var inputs = Enumerable.Range(0, count).Select(_ => (Order: orders[random.Next(orders.Length)], Page: random.Next(0, 5))).ToList();
        return new Scenario(
            "list-unfiltered",
            "list as it opens (CustomerQueries.PageAsync): no filter, sorted by a column of the grid (name, industry, last interaction), one of the first five pages, and the total",
            inputs.Count,
            i => $"sort {inputs[i].Order.Sort} {(inputs[i].Order.Descending ? "desc" : "asc")}, page {inputs[i].Page.ToString(CultureInfo.InvariantCulture)}",
            async i =>
            {
                var (order, page) = inputs[i];
                await using var db = await contexts.CreateDbContextAsync();
                var (items, total) = await CustomerQueries.PageAsync(db, new CustomerListQuery(Sort: order.Sort, Descending: order.Descending, Page: page, PageSize: PageSize));
                return RawSql.Fingerprint(items, total);
            },
            async i =>
            {
                var (order, page) = inputs[i];
                var (rows, total) = await sql.CustomerPageAsync($"c.\"IsArchived\" = {sql.False}", order.OrderBy, page * PageSize, PageSize);
                return RawSql.Fingerprint(rows, total);
            });
    }

    private static string SearchInput(SyntheticFirm firm, Random random, int i)
    {
        var customer = firm.Customers[random.Next(firm.Customers.Count)];
        var words = Searchable(customer.Name);
        var word = words[random.Next(words.Count)];
        var contact = customer.Contacts.Count > 0 ? customer.Contacts[random.Next(customer.Contacts.Count)] : null;
        return (i % 20) switch
        {
            < 7 => word,
            < 12 => FirstLetters(word, 3),
            < 15 when words.Count > 1 => words[0] + " " + words[1],
            < 17 when contact is not null => Any(random, Searchable(contact.Name)),
            17 => (contact?.Email ?? customer.Email!).Split('@')[0],
            18 => FirstLetters(customer.Email!.Split('@')[1], 6),
            19 => Digits(customer.Phone!)[^7..].Insert(3, " "),
            _ => word,
        };
    }

    // Words that make a query on their own (not "&" or "S.p.A." after a name).
    private static List<string> Searchable(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter) && !w.Contains('.', StringComparison.Ordinal) && SearchText.PrefixesOfQuery(w).Count == 1).ToList();
        return words.Count > 0 ? words : [name];
    }

    // The first letters as a person types them: whole grapheme clusters (a Tamil letter with its vowel sign).
    private static string FirstLetters(string word, int letters)
    {
        var elements = StringInfo.GetTextElementEnumerator(word);
        var length = 0;
        for (var n = 0; n < letters && elements.MoveNext(); n++)
        {
            length += ((string)elements.Current).Length;
        }

        return word[..length];
    }

    private static string Any(Random random, List<string> words) => words[random.Next(words.Count)];

    private static string Digits(string phone) => new([.. phone.Where(char.IsAsciiDigit)]);
}
