namespace CrmBlazor.Host.Features.Import;

/// <summary>
/// Which field of the customer file format each column of an uploaded file holds (or none: the
/// column is ignored). Each field is taken from one column at most.
/// </summary>
public sealed class CustomerColumnMapping
{
    // Other names for the same columns that other programs write.
    private static readonly (CustomerField Field, string Header)[] Aliases =
    [
        (CustomerField.CustomerKey, "Key"),
        (CustomerField.CustomerKey, "Customer id"),
        (CustomerField.Name, "Customer name"),
        (CustomerField.Name, "Company"),
        (CustomerField.Type, "Kind"),
        (CustomerField.Type, "Customer type"),
        (CustomerField.Website, "Website"),
        (CustomerField.Website, "Web"),
        (CustomerField.Website, "URL"),
        (CustomerField.PostalCode, "Postcode"),
        (CustomerField.PostalCode, "ZIP"),
        (CustomerField.PostalCode, "ZIP code"),
        (CustomerField.Region, "State"),
        (CustomerField.AccountManager, "Owner"),
        (CustomerField.ContactName, "Contact"),
        (CustomerField.ContactEmail, "Contact mail"),
        (CustomerField.MainContact, "Primary contact"),
    ];

    private readonly CustomerField?[] _fields;

    /// <summary>A mapping with the given field per column.</summary>
    /// <param name="headers">The file's headers.</param>
    /// <param name="fields">The field of each column, or null to ignore it.</param>
    public CustomerColumnMapping(IReadOnlyList<string> headers, IEnumerable<CustomerField?> fields)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(fields);
        Headers = headers;
        _fields = new CustomerField?[headers.Count];
        var column = 0;
        foreach (var field in fields.Take(headers.Count))
        {
            Set(column++, field);
        }
    }

    /// <summary>The file's headers, one per column.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The field of each column, or null where the column is ignored.</summary>
    public IReadOnlyList<CustomerField?> Fields => _fields;

    /// <summary>The fields taken from some column.</summary>
    public IEnumerable<CustomerField> MappedFields => _fields.OfType<CustomerField>();

    /// <summary>
    /// Guesses the mapping from the headers: a header matches a field when it equals the field's English
    /// header or one of its translations, ignoring case, accents, spaces, hyphens and underscores.
    /// </summary>
    /// <param name="headers">The file's headers.</param>
    /// <param name="translations">The field's header in the user's language(s), if any.</param>
    public static CustomerColumnMapping Guess(IReadOnlyList<string> headers, Func<CustomerField, IEnumerable<string>>? translations = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var names = new Dictionary<string, CustomerField>(StringComparer.Ordinal);
        foreach (var (field, header) in CustomerFileFormat.Columns)
        {
            names.TryAdd(CustomerFileFormat.HeaderKey(header), field);
        }

        foreach (var (field, header) in Aliases)
        {
            names.TryAdd(CustomerFileFormat.HeaderKey(header), field);
        }

        if (translations is not null)
        {
            foreach (var (field, _) in CustomerFileFormat.Columns)
            {
                foreach (var name in translations(field))
                {
                    names.TryAdd(CustomerFileFormat.HeaderKey(name), field);
                }
            }
        }

        var taken = new HashSet<CustomerField>();
        var fields = headers.Select(h => names.TryGetValue(CustomerFileFormat.HeaderKey(h), out var field) && taken.Add(field) ? field : (CustomerField?)null);
        return new CustomerColumnMapping(headers, [.. fields]);
    }

    /// <summary>Takes a field from a column (and from whichever column had it before), or ignores the column.</summary>
    /// <param name="column">The zero-based column.</param>
    /// <param name="field">The field, or null to ignore the column.</param>
    public void Set(int column, CustomerField? field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, _fields.Length);
        if (field is not null)
        {
            for (var other = 0; other < _fields.Length; other++)
            {
                if (_fields[other] == field)
                {
                    _fields[other] = null;
                }
            }
        }

        _fields[column] = field;
    }

    /// <summary>The column holding a field, or null.</summary>
    /// <param name="field">The field.</param>
    public int? ColumnOf(CustomerField field)
    {
        var index = Array.IndexOf(_fields, field);
        return index < 0 ? null : index;
    }

    /// <summary>Whether some column holds the field.</summary>
    /// <param name="field">The field.</param>
    public bool Has(CustomerField field) => ColumnOf(field) is not null;

    /// <summary>How to name a field in messages: the header of its column in the file, or its English header.</summary>
    /// <param name="field">The field.</param>
    public string HeaderOf(CustomerField field) =>
        ColumnOf(field) is { } column && Headers[column].Length > 0 ? Headers[column] : CustomerFileFormat.HeaderOf(field);

    /// <summary>A field's value in a row, trimmed; empty when the field is not mapped.</summary>
    /// <param name="row">The row.</param>
    /// <param name="field">The field.</param>
    public string ValueOf(CsvRow row, CustomerField field)
    {
        ArgumentNullException.ThrowIfNull(row);
        return ColumnOf(field) is { } column ? row.Cell(column).Trim() : string.Empty;
    }
}
