using System.Globalization;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Features.Search;

namespace CrmBlazor.Host.Features.Import;

/// <summary>
/// Checks every row of an import file and turns the rows into customers with their contacts. Rows
/// with the same customer key (the Customer key column where it has a value, the name otherwise,
/// compared folded) are one customer; each row with a contact name or other contact values adds a
/// contact. The customer's own fields are validated by the same data annotations as the customer form
/// (<see cref="InputValidation"/>), and then what only a file can get wrong: unknown account managers,
/// types, currencies and countries, and contradicting or duplicate rows.
/// </summary>
/// <param name="userIdsByEmail">The CRM's users: e-mail address (any case) to user id.</param>
public sealed class CustomerImportValidator(IReadOnlyDictionary<string, string> userIdsByEmail)
{
    /// <summary>Longest tag accepted.</summary>
    public const int TagLength = 60;

    private static readonly Lazy<HashSet<string>> Currencies = new(() => [.. SpecificRegions().Select(r => r.ISOCurrencySymbol)]);
    private static readonly Lazy<Dictionary<string, string>> Countries = new(CountryCodesByName);

    private static readonly Dictionary<string, CustomerKind> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Company"] = CustomerKind.Company,
        ["Organisation"] = CustomerKind.Company,
        ["Organization"] = CustomerKind.Company,
        ["Business"] = CustomerKind.Company,
        ["Person"] = CustomerKind.Person,
        ["Individual"] = CustomerKind.Person,
        ["Private"] = CustomerKind.Person,
    };

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.OrdinalIgnoreCase)
    {
        [CustomerFileFormat.Yes] = true, ["y"] = true, ["true"] = true, ["1"] = true, ["x"] = true,
        [CustomerFileFormat.No] = false, ["n"] = false, ["false"] = false, ["0"] = false, [string.Empty] = false,
    };

    private static readonly Dictionary<string, CustomerField> CustomerMembers = new(StringComparer.Ordinal)
    {
        [nameof(CustomerInput.Name)] = CustomerField.Name,
        [nameof(CustomerInput.Industry)] = CustomerField.Industry,
        [nameof(CustomerInput.Email)] = CustomerField.Email,
        [nameof(CustomerInput.Phone)] = CustomerField.Phone,
        [nameof(CustomerInput.Website)] = CustomerField.Website,
        [nameof(CustomerInput.Currency)] = CustomerField.Currency,
        [nameof(CustomerInput.Notes)] = CustomerField.Notes,
        [nameof(CustomerInput.Tags)] = CustomerField.Tags,
        ["Addresses[0].Street"] = CustomerField.Street,
        ["Addresses[0].City"] = CustomerField.City,
        ["Addresses[0].PostalCode"] = CustomerField.PostalCode,
        ["Addresses[0].Region"] = CustomerField.Region,
        ["Addresses[0].Country"] = CustomerField.Country,
    };

    private static readonly Dictionary<string, CustomerField> ContactMembers = new(StringComparer.Ordinal)
    {
        [nameof(ContactInput.Name)] = CustomerField.ContactName,
        [nameof(ContactInput.Role)] = CustomerField.ContactRole,
        [nameof(ContactInput.Email)] = CustomerField.ContactEmail,
        [nameof(ContactInput.Phone)] = CustomerField.ContactPhone,
    };

    private static readonly CustomerField[] CustomerFields =
        [.. Enum.GetValues<CustomerField>().Where(f => f != CustomerField.CustomerKey && !CustomerFileFormat.IsContactField(f))];

    private static readonly CustomerField[] ContactFields = [.. Enum.GetValues<CustomerField>().Where(CustomerFileFormat.IsContactField)];

    /// <summary>Checks a whole file and plans its import.</summary>
    /// <param name="document">The file.</param>
    /// <param name="mapping">Which column holds which field.</param>
    public CustomerImportPlan Validate(CsvDocument document, CustomerColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new List<ImportError>();
        if (!mapping.Has(CustomerField.Name))
        {
            errors.Add(new ImportError(null, null, ImportMessage.Of("Choose the column that holds the customers' names: every customer needs one.")));
        }

        if (document.Rows.Count == 0)
        {
            errors.Add(new ImportError(null, null, ImportMessage.Of("The file has a header row but no customers below it.")));
        }

        if (errors.Count > 0)
        {
            return new CustomerImportPlan([], errors, document.Rows.Count);
        }

        var customers = new List<CustomerDraft>();
        var byKey = new Dictionary<string, CustomerDraft>(StringComparer.Ordinal);
        foreach (var row in document.Rows)
        {
            CheckCellCount(row, document.Headers.Count, errors);
            var key = KeyOf(row, mapping);
            if (!byKey.TryGetValue(key, out var customer))
            {
                customer = new CustomerDraft(row, ReadCustomer(row, mapping, errors));
                byKey[key] = customer;
                customers.Add(customer);
            }
            else
            {
                CheckSameCustomer(customer, row, mapping, errors);
            }

            if (ContactFields.Any(f => mapping.ValueOf(row, f).Length > 0))
            {
                ReadContact(customer, row, mapping, errors);
            }
        }

        var plan = customers.Select(c => new ImportedCustomer(c.FirstRow.Number, c.Input, c.Contacts)).ToList();
        return new CustomerImportPlan(plan, [.. errors.OrderBy(e => e.Row ?? 0)], document.Rows.Count);
    }

    /// <summary>The grouping key of a row: its customer key if given, otherwise its name, folded.</summary>
    /// <param name="row">The row.</param>
    /// <param name="mapping">The mapping.</param>
    public static string KeyOf(CsvRow row, CustomerColumnMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(row);
        var key = mapping.ValueOf(row, CustomerField.CustomerKey);
        if (key.Length > 0)
        {
            return "key:" + SearchText.Fold(key);
        }

        var name = mapping.ValueOf(row, CustomerField.Name);
        return name.Length > 0 ? "name:" + SearchText.Fold(name) : "row:" + row.Number.ToString(CultureInfo.InvariantCulture);
    }

    private static void CheckCellCount(CsvRow row, int columns, List<ImportError> errors)
    {
        var used = row.Cells.Count;
        while (used > columns && string.IsNullOrWhiteSpace(row.Cells[used - 1]))
        {
            used--;
        }

        if (used > columns)
        {
            errors.Add(new ImportError(row.Number, null, ImportMessage.Of(
                "This row has {0} values, but the header row names only {1} columns. A value with a separator in it must be in quotation marks.",
                Number(used), Number(columns))));
        }
    }

    private CustomerInput ReadCustomer(CsvRow row, CustomerColumnMapping mapping, List<ImportError> errors)
    {
        string? Value(CustomerField field) => mapping.ValueOf(row, field) is { Length: > 0 } value ? value : null;
        void Error(CustomerField field, ImportMessage message) => errors.Add(new ImportError(row.Number, mapping.HeaderOf(field), message));

        var input = new CustomerInput
        {
            Name = Value(CustomerField.Name) ?? string.Empty,
            Industry = Value(CustomerField.Industry),
            Email = Value(CustomerField.Email),
            Phone = Value(CustomerField.Phone),
            Website = Value(CustomerField.Website),
            Notes = Value(CustomerField.Notes),
            Tags = [.. CustomerFileFormat.SplitTags(Value(CustomerField.Tags))],
        };
        input.Currency = Value(CustomerField.Currency)?.ToUpperInvariant() ?? input.Currency;

        if (Value(CustomerField.Type) is { } type)
        {
            if (Types.TryGetValue(type, out var kind))
            {
                input.Kind = kind;
            }
            else
            {
                Error(CustomerField.Type, ImportMessage.Of("Write Company or Person as the type, not \"{0}\".", type));
            }
        }

        var address = new AddressInput
        {
            Street = Value(CustomerField.Street),
            PostalCode = Value(CustomerField.PostalCode),
            City = Value(CustomerField.City),
            Region = Value(CustomerField.Region),
            Country = Value(CustomerField.Country),
        };
        if (address.Country is { } country && Countries.Value.TryGetValue(country, out var code))
        {
            address.Country = code;
        }

        if (!address.IsEmpty)
        {
            input.Addresses.Add(address);
        }

        foreach (var (member, messages) in InputValidation.Validate(input))
        {
            var field = CustomerMembers.GetValueOrDefault(member, CustomerField.Name);
            foreach (var message in messages)
            {
                Error(field, Message(message));
            }
        }

        if (input.Currency.Length == 3 && input.Currency.All(char.IsAsciiLetter) && !Currencies.Value.Contains(input.Currency))
        {
            Error(CustomerField.Currency, ImportMessage.Of("{0} is not a currency code. Use an ISO 4217 code such as EUR, INR or GEL.", input.Currency));
        }

        if (address.Country is { Length: 2 } iso && iso.All(char.IsAsciiLetter) && !Countries.Value.ContainsKey(iso))
        {
            Error(CustomerField.Country, ImportMessage.Of("{0} is not a country code. Use a two-letter ISO code such as IN or GE, or the country's English name.", iso));
        }

        foreach (var tag in input.Tags.Where(t => t.Length > TagLength))
        {
            Error(CustomerField.Tags, ImportMessage.Of("The tag \"{0}\" is longer than 60 characters.", tag));
        }

        if (Value(CustomerField.AccountManager) is { } manager)
        {
            if (userIdsByEmail.TryGetValue(manager, out var userId))
            {
                input.OwnerUserId = userId;
            }
            else
            {
                Error(CustomerField.AccountManager, ImportMessage.Of(
                    "No user has the e-mail address {0}. Write the e-mail address of a user of the CRM, or leave the account manager empty.", manager));
            }
        }

        return input;
    }

    private static void CheckSameCustomer(CustomerDraft customer, CsvRow row, CustomerColumnMapping mapping, List<ImportError> errors)
    {
        foreach (var field in CustomerFields)
        {
            var value = mapping.ValueOf(row, field);
            var first = mapping.ValueOf(customer.FirstRow, field);
            var same = field == CustomerField.Tags
                ? CustomerFileFormat.JoinTags(CustomerFileFormat.SplitTags(value)) == CustomerFileFormat.JoinTags(CustomerFileFormat.SplitTags(first))
                : string.Equals(value, first, StringComparison.Ordinal);
            if (value.Length > 0 && !same)
            {
                errors.Add(new ImportError(row.Number, mapping.HeaderOf(field), ImportMessage.Of(
                    "This row belongs to the customer of row {0} but has a different value here. Repeat the customer's values exactly on each of its rows, or leave them empty.",
                    Number(customer.FirstRow.Number))));
            }
        }
    }

    private static void ReadContact(CustomerDraft customer, CsvRow row, CustomerColumnMapping mapping, List<ImportError> errors)
    {
        string? Value(CustomerField field) => mapping.ValueOf(row, field) is { Length: > 0 } value ? value : null;
        void Error(CustomerField field, ImportMessage message) => errors.Add(new ImportError(row.Number, mapping.HeaderOf(field), message));

        var input = new ContactInput
        {
            Name = Value(CustomerField.ContactName) ?? string.Empty,
            Role = Value(CustomerField.ContactRole),
            Email = Value(CustomerField.ContactEmail),
            Phone = Value(CustomerField.ContactPhone),
        };
        foreach (var (member, messages) in InputValidation.Validate(input))
        {
            var field = ContactMembers.GetValueOrDefault(member, CustomerField.ContactName);
            foreach (var message in messages)
            {
                Error(field, Message(message));
            }
        }

        var main = mapping.ValueOf(row, CustomerField.MainContact);
        if (YesNo.TryGetValue(main, out var isMain))
        {
            input.IsPrimary = isMain;
        }
        else
        {
            Error(CustomerField.MainContact, ImportMessage.Of("Write yes or no for the main contact, not \"{0}\".", main));
        }

        if (input.Email is { } email && customer.Contacts.FirstOrDefault(c => string.Equals(c.Input.Email, email, StringComparison.OrdinalIgnoreCase)) is { } twin)
        {
            Error(CustomerField.ContactEmail, ImportMessage.Of("The contact of row {0} of the same customer has this e-mail address already.", Number(twin.Row)));
        }

        if (input.IsPrimary && customer.Contacts.FirstOrDefault(c => c.Input.IsPrimary) is { } primary)
        {
            Error(CustomerField.MainContact, ImportMessage.Of("A customer has one main contact, and the contact of row {0} is it already.", Number(primary.Row)));
        }

        customer.Contacts.Add(new ImportedContact(row.Number, input));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A validation message with its values (the position of a refused character), as the import shows them.
    private static ImportMessage Message(Problem problem) =>
        ImportMessage.Of(problem.Text, [.. problem.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? string.Empty)]);

    private static IEnumerable<RegionInfo> SpecificRegions() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c =>
            {
                try
                {
                    return new RegionInfo(c.Name);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            })
            .OfType<RegionInfo>()
            .Where(r => r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetter));

    // Two-letter codes and English names, both to the upper-case code.
    private static Dictionary<string, string> CountryCodesByName()
    {
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in SpecificRegions())
        {
            var code = region.TwoLetterISORegionName.ToUpperInvariant();
            countries.TryAdd(code, code);
            countries.TryAdd(region.EnglishName, code);
        }

        return countries;
    }

    private sealed class CustomerDraft(CsvRow firstRow, CustomerInput input)
    {
        public CsvRow FirstRow { get; } = firstRow;

        public CustomerInput Input { get; } = input;

        public List<ImportedContact> Contacts { get; } = [];
    }
}
