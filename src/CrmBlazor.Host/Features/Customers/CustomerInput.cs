using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>What a user enters for a customer; validated by the form and again by <see cref="CustomerService"/>.</summary>
public sealed class CustomerInput : IEmailConsentInput
{
    /// <summary>The longest language code stored.</summary>
    public const int LanguageLength = 10;

    /// <summary>The language codes messages are written in, as the language fields accept them.</summary>
    internal const string LanguagePattern = "^(en|ta|kn|gu|ur|ka)$";

    /// <summary>The longest text the tags field takes: tags are typed as one text, separated by commas.</summary>
    public const int TagsTextLength = 1000;

    /// <summary>Company or person.</summary>
    public CustomerKind Kind { get; set; } = CustomerKind.Company;

    /// <summary>The name.</summary>
    [Required(ErrorMessage = "Enter the customer's name.")]
    [StringLength(Customer.NameLength, ErrorMessage = "The name can be at most 300 characters long.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The industry.</summary>
    [StringLength(100, ErrorMessage = "The industry can be at most 100 characters long.")]
    public string? Industry { get; set; }

    /// <summary>Main e-mail address.</summary>
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(320, ErrorMessage = "The e-mail address is too long.")]
    public string? Email { get; set; }

    /// <summary>Main phone number.</summary>
    [RegularExpression(@"^[0-9+()./\- ]{3,50}$", ErrorMessage = "Enter a phone number with digits, spaces and + ( ) - . / only.")]
    [StringLength(50, ErrorMessage = "Enter a phone number with digits, spaces and + ( ) - . / only.")]
    public string? Phone { get; set; }

    /// <summary>Web site.</summary>
    [Url(ErrorMessage = "Enter a web address starting with http:// or https://.")]
    [StringLength(300, ErrorMessage = "The web address is too long.")]
    public string? Website { get; set; }

    /// <summary>Billing currency.</summary>
    [Required(ErrorMessage = "Enter a currency code.")]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Enter a three-letter ISO currency code, e.g. EUR or INR.")]
    [StringLength(3, ErrorMessage = "Enter a three-letter ISO currency code, e.g. EUR or INR.")]
    public string Currency { get; set; } = "EUR";

    /// <summary>The language of messages to the customer, or null for the firm's default.</summary>
    [RegularExpression(CustomerInput.LanguagePattern, ErrorMessage = "Choose one of the languages offered.")]
    [StringLength(CustomerInput.LanguageLength, ErrorMessage = "Choose one of the languages offered.")]
    public string? Language { get; set; }

    /// <summary>The account manager's user id.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Notes.</summary>
    [StringLength(4000, ErrorMessage = "Notes can be at most 4000 characters long.")]
    [MultilineText]
    public string? Notes { get; set; }

    /// <summary>Tags as written.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Addresses.</summary>
    public List<AddressInput> Addresses { get; set; } = [];

    /// <inheritdoc />
    public bool HasEmailConsent { get; set; }

    /// <inheritdoc />
    [StringLength(EmailConsent.SourceLength, ErrorMessage = "How the consent was given can be at most 200 characters long.")]
    public string? EmailConsentSource { get; set; }

    /// <inheritdoc />
    public bool RemoveOptOut { get; set; }

    /// <summary>The version the user loaded, for concurrency checks on update.</summary>
    public Guid RowVersion { get; set; }

    /// <summary>The input for an existing customer.</summary>
    /// <param name="customer">The customer with tags and addresses loaded.</param>
    public static CustomerInput From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var input = new CustomerInput
        {
            Kind = customer.Kind,
            Name = customer.Name,
            Industry = customer.Industry,
            Email = customer.Email,
            Phone = customer.Phone,
            Website = customer.Website,
            Currency = customer.Currency,
            Language = customer.Language,
            OwnerUserId = customer.OwnerUserId,
            Notes = customer.Notes,
            Tags = [.. customer.Tags.Select(t => t.Name).Order(StringComparer.CurrentCulture)],
            Addresses = [.. customer.Addresses.OrderBy(a => a.Kind).Select(AddressInput.From)],
            RowVersion = customer.RowVersion,
        };
        EmailConsent.Fill(customer, input);
        return input;
    }
}

/// <summary>A postal address as entered.</summary>
public sealed class AddressInput
{
    /// <summary>What it is used for.</summary>
    public AddressKind Kind { get; set; } = AddressKind.Main;

    /// <summary>Street and number.</summary>
    [StringLength(300, ErrorMessage = "The street can be at most 300 characters long.")]
    [MultilineText]
    public string? Street { get; set; }

    /// <summary>City.</summary>
    [StringLength(100, ErrorMessage = "The city can be at most 100 characters long.")]
    public string? City { get; set; }

    /// <summary>Postal code.</summary>
    [StringLength(20, ErrorMessage = "The postal code can be at most 20 characters long.")]
    public string? PostalCode { get; set; }

    /// <summary>State or region.</summary>
    [StringLength(100, ErrorMessage = "The region can be at most 100 characters long.")]
    public string? Region { get; set; }

    /// <summary>ISO country code.</summary>
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Enter a two-letter ISO country code, e.g. IN or GE.")]
    [StringLength(2, ErrorMessage = "Enter a two-letter ISO country code, e.g. IN or GE.")]
    public string? Country { get; set; }

    /// <summary>Whether every field is empty.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Street) && string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(PostalCode)
        && string.IsNullOrWhiteSpace(Region) && string.IsNullOrWhiteSpace(Country);

    /// <summary>The input for a stored address.</summary>
    /// <param name="address">The address.</param>
    public static AddressInput From(CustomerAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new AddressInput
        {
            Kind = address.Kind,
            Street = address.Street,
            City = address.City,
            PostalCode = address.PostalCode,
            Region = address.Region,
            Country = address.Country,
        };
    }
}

/// <summary>What a user enters for a contact.</summary>
public sealed class ContactInput : IEmailConsentInput
{
    /// <summary>Full name.</summary>
    [Required(ErrorMessage = "Enter the contact's name.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters long.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Role.</summary>
    [StringLength(100, ErrorMessage = "The role can be at most 100 characters long.")]
    public string? Role { get; set; }

    /// <summary>E-mail address.</summary>
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(320, ErrorMessage = "The e-mail address is too long.")]
    public string? Email { get; set; }

    /// <summary>Phone number.</summary>
    [RegularExpression(@"^[0-9+()./\- ]{3,50}$", ErrorMessage = "Enter a phone number with digits, spaces and + ( ) - . / only.")]
    [StringLength(50, ErrorMessage = "Enter a phone number with digits, spaces and + ( ) - . / only.")]
    public string? Phone { get; set; }

    /// <summary>The language of messages to the contact, or null for the customer's.</summary>
    [RegularExpression(CustomerInput.LanguagePattern, ErrorMessage = "Choose one of the languages offered.")]
    [StringLength(CustomerInput.LanguageLength, ErrorMessage = "Choose one of the languages offered.")]
    public string? Language { get; set; }

    /// <summary>Main contact of the customer.</summary>
    public bool IsPrimary { get; set; }

    /// <inheritdoc />
    public bool HasEmailConsent { get; set; }

    /// <inheritdoc />
    [StringLength(EmailConsent.SourceLength, ErrorMessage = "How the consent was given can be at most 200 characters long.")]
    public string? EmailConsentSource { get; set; }

    /// <inheritdoc />
    public bool RemoveOptOut { get; set; }

    /// <summary>The version the user loaded.</summary>
    public Guid RowVersion { get; set; }

    /// <summary>The input for an existing contact.</summary>
    /// <param name="contact">The contact.</param>
    public static ContactInput From(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var input = new ContactInput
        {
            Name = contact.Name,
            Role = contact.Role,
            Email = contact.Email,
            Phone = contact.Phone,
            Language = contact.Language,
            IsPrimary = contact.IsPrimary,
            RowVersion = contact.RowVersion,
        };
        EmailConsent.Fill(contact, input);
        return input;
    }
}
