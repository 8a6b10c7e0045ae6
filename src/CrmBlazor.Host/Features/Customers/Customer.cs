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

/// <summary>A customer of the firm.</summary>
public sealed class Customer : IVersionedEntity
{
    /// <summary>The id.</summary>
    public long Id { get; set; }

    /// <summary>Company or person.</summary>
    public CustomerKind Kind { get; set; }

    /// <summary>The name, in whatever script it is written in.</summary>
    public required string Name { get; set; }

    /// <summary>Main e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Main phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>ISO 4217 currency the customer is billed in.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The account manager.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>Archived customers are hidden from lists but keep their history.</summary>
    public bool IsArchived { get; set; }

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}
