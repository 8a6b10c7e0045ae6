using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>Whether a customer is a company or a person.</summary>
public enum CustomerKind
{
    /// <summary>A company or other organisation, with contacts.</summary>
    Company,

    /// <summary>A private person.</summary>
    Person,
}

/// <summary>A customer of the firm: a company with its contacts, or a person.</summary>
public sealed class Customer : IVersionedEntity, IEmailConsentHolder
{
    /// <summary>Longest name accepted.</summary>
    public const int NameLength = 300;

    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>Company or person.</summary>
    public CustomerKind Kind { get; set; }

    /// <summary>The name, in whatever script it is written in.</summary>
    public required string Name { get; set; }

    /// <summary>The industry, e.g. "Accounting" (free text, suggested from existing values).</summary>
    public string? Industry { get; set; }

    /// <summary>Main e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Main phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Web site.</summary>
    public string? Website { get; set; }

    /// <summary>
    /// The language messages to the customer are written in (<c>en</c>, <c>ta</c>, <c>kn</c>, <c>gu</c>,
    /// <c>ur</c>, <c>ka</c>), or null for the firm's default.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>ISO 4217 currency the customer is billed in.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The account manager (a user id).</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Free notes about the customer.</summary>
    public string? Notes { get; set; }

    /// <summary>Archived customers are hidden from lists but keep their history.</summary>
    public bool IsArchived { get; set; }

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the customer's own fields last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the latest interaction happened (kept up to date when interactions are logged).</summary>
    public DateTimeOffset? LastInteractionAt { get; set; }

    /// <summary>When the person (a person customer) agreed to receive campaign e-mails, or null if no consent is recorded.</summary>
    public DateTimeOffset? EmailConsentAt { get; set; }

    /// <summary>How the consent was given, as the colleague who recorded it wrote it (e.g. "Signed up at the Chennai seminar").</summary>
    public string? EmailConsentSource { get; set; }

    /// <summary>The colleague (a user id) who recorded the consent.</summary>
    public string? EmailConsentRecordedBy { get; set; }

    /// <summary>When the person opted out of campaign e-mails (their unsubscribe link), or null; honoured by every later campaign.</summary>
    public DateTimeOffset? EmailOptedOutAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }

    /// <summary>Contacts (for companies).</summary>
    public List<Contact> Contacts { get; } = [];

    /// <summary>Postal addresses.</summary>
    public List<CustomerAddress> Addresses { get; } = [];

    /// <summary>Tags.</summary>
    public List<Tag> Tags { get; } = [];
}

/// <summary>A person at a company customer.</summary>
public sealed class Contact : IVersionedEntity, IEmailConsentHolder
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The company.</summary>
    public long CustomerId { get; set; }

    /// <summary>The customer.</summary>
    public Customer? Customer { get; set; }

    /// <summary>The full name, as the person writes it.</summary>
    public required string Name { get; set; }

    /// <summary>Job title or role, e.g. "Finance director".</summary>
    public string? Role { get; set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>The language messages to the contact are written in, or null for the customer's (then the firm's).</summary>
    public string? Language { get; set; }

    /// <summary>The customer's main contact.</summary>
    public bool IsPrimary { get; set; }

    /// <summary>Archived contacts have left the company but stay in the history.</summary>
    public bool IsArchived { get; set; }

    /// <summary>When the person agreed to receive campaign e-mails, or null if no consent is recorded.</summary>
    public DateTimeOffset? EmailConsentAt { get; set; }

    /// <summary>How the consent was given, as the colleague who recorded it wrote it (e.g. "Signed up at the Chennai seminar").</summary>
    public string? EmailConsentSource { get; set; }

    /// <summary>The colleague (a user id) who recorded the consent.</summary>
    public string? EmailConsentRecordedBy { get; set; }

    /// <summary>When the person opted out of campaign e-mails (their unsubscribe link), or null; honoured by every later campaign.</summary>
    public DateTimeOffset? EmailOptedOutAt { get; set; }

    /// <summary>When the contact was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}

/// <summary>What an address is used for.</summary>
public enum AddressKind
{
    /// <summary>The main office or home address.</summary>
    Main,

    /// <summary>Where invoices go.</summary>
    Billing,

    /// <summary>Where goods or people go.</summary>
    Delivery,
}

/// <summary>A postal address of a customer.</summary>
public sealed class CustomerAddress
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }

    /// <summary>What it is used for.</summary>
    public AddressKind Kind { get; set; }

    /// <summary>Street and number, possibly several lines.</summary>
    public string? Street { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; set; }

    /// <summary>State, province or region (e.g. Tamil Nadu, which decides India's GST).</summary>
    public string? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; set; }
}

/// <summary>A label that groups customers ("retainer", "priority").</summary>
public sealed class Tag
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>The tag as written.</summary>
    public required string Name { get; set; }

    /// <summary>The name folded for comparison; unique.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>Customers with the tag.</summary>
    public List<Customer> Customers { get; } = [];
}
