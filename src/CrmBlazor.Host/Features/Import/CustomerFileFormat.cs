using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Search;

namespace CrmBlazor.Host.Features.Import;

/// <summary>A column of the customer file format, shared by the CSV import and the CSV and Excel exports.</summary>
public enum CustomerField
{
    /// <summary>Groups rows into one customer when names are not unique (the export writes the customer id).</summary>
    CustomerKey,

    /// <summary>The customer's name.</summary>
    Name,

    /// <summary>Company or Person.</summary>
    Type,

    /// <summary>The industry.</summary>
    Industry,

    /// <summary>The customer's e-mail address.</summary>
    Email,

    /// <summary>The customer's phone number.</summary>
    Phone,

    /// <summary>The web site.</summary>
    Website,

    /// <summary>ISO 4217 currency code.</summary>
    Currency,

    /// <summary>Tags separated by <see cref="CustomerFileFormat.TagSeparator"/>.</summary>
    Tags,

    /// <summary>Street of the main address.</summary>
    Street,

    /// <summary>Postal code of the main address.</summary>
    PostalCode,

    /// <summary>City of the main address.</summary>
    City,

    /// <summary>Region of the main address.</summary>
    Region,

    /// <summary>ISO 3166 country code of the main address.</summary>
    Country,

    /// <summary>The account manager's e-mail address (a user of the CRM).</summary>
    AccountManager,

    /// <summary>Notes.</summary>
    Notes,

    /// <summary>The contact's name.</summary>
    ContactName,

    /// <summary>The contact's role.</summary>
    ContactRole,

    /// <summary>The contact's e-mail address.</summary>
    ContactEmail,

    /// <summary>The contact's phone number.</summary>
    ContactPhone,

    /// <summary>yes or no: the customer's main contact.</summary>
    MainContact,
}

/// <summary>
/// The customer file format: one row per customer and contact, the customer's columns repeated on
/// each of its contacts' rows. The import reads it, the exports write it, so an export re-imports to
/// the same data. Headers, types and yes/no are written in English whatever the user's language, so a
/// file means the same on every installation; the import also recognises the headers in the user's language.
/// </summary>
public static class CustomerFileFormat
{
    /// <summary>Separates the tags in the Tags column.</summary>
    public const char TagSeparator = ';';

    /// <summary>The value of Main contact for the main contact.</summary>
    public const string Yes = "yes";

    /// <summary>The value of Main contact for other contacts.</summary>
    public const string No = "no";

    /// <summary>The columns in file order, with their English headers.</summary>
    public static IReadOnlyList<(CustomerField Field, string Header)> Columns { get; } =
    [
        (CustomerField.CustomerKey, "Customer key"),
        (CustomerField.Name, "Name"),
        (CustomerField.Type, "Type"),
        (CustomerField.Industry, "Industry"),
        (CustomerField.Email, "E-mail"),
        (CustomerField.Phone, "Phone"),
        (CustomerField.Website, "Web site"),
        (CustomerField.Currency, "Currency"),
        (CustomerField.Tags, "Tags"),
        (CustomerField.Street, "Street"),
        (CustomerField.PostalCode, "Postal code"),
        (CustomerField.City, "City"),
        (CustomerField.Region, "Region"),
        (CustomerField.Country, "Country"),
        (CustomerField.AccountManager, "Account manager"),
        (CustomerField.Notes, "Notes"),
        (CustomerField.ContactName, "Contact name"),
        (CustomerField.ContactRole, "Contact role"),
        (CustomerField.ContactEmail, "Contact e-mail"),
        (CustomerField.ContactPhone, "Contact phone"),
        (CustomerField.MainContact, "Main contact"),
    ];

    /// <summary>The English header of a field.</summary>
    /// <param name="field">The field.</param>
    public static string HeaderOf(CustomerField field) => Columns[(int)field].Header;

    /// <summary>Whether a field belongs to the contact of the row rather than to the customer.</summary>
    /// <param name="field">The field.</param>
    public static bool IsContactField(CustomerField field) => field >= CustomerField.ContactName;

    /// <summary>The value written for a customer kind.</summary>
    /// <param name="kind">The kind.</param>
    public static string TypeName(CustomerKind kind) => kind == CustomerKind.Person ? "Person" : "Company";

    /// <summary>The tags of a customer as one cell.</summary>
    /// <param name="tags">The tag names.</param>
    public static string JoinTags(IEnumerable<string> tags) => string.Join(TagSeparator + " ", tags.Order(StringComparer.Ordinal));

    /// <summary>The tags written in one cell.</summary>
    /// <param name="cell">The cell.</param>
    public static IEnumerable<string> SplitTags(string? cell) =>
        (cell ?? string.Empty).Split(TagSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A header reduced for comparison: folded (case, accents) and without spaces, hyphens, underscores
    /// and dots, so "E-mail", "email" and "E MAIL" are one header.
    /// </summary>
    /// <param name="header">The header as written.</param>
    public static string HeaderKey(string header) =>
        string.Concat(SearchText.Fold(header ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or '\u2010' or '\u2011')));
}
