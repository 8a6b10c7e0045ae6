namespace CrmBlazor.Host.Features.Search;

/// <summary>
/// One word of a customer's or contact's name, e-mail, phone or tags, folded for search. Prefix
/// search is a range scan over the index on <see cref="Term"/>, the same on SQLite and PostgreSQL.
/// </summary>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class SearchTerm
{
    /// <summary>The row id.</summary>
    public long Id { get; set; }

    /// <summary>The folded word.</summary>
    public required string Term { get; set; }

    /// <summary>The customer the word belongs to (directly or through a contact).</summary>
    public long CustomerId { get; set; }

    /// <summary>The contact the word belongs to, or 0 for the customer's own fields.</summary>
    public long ContactId { get; set; }
}
