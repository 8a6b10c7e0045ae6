using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Host.Features.Catalogue;

/// <summary>
/// A service of the firm's catalogue (web design, monthly support, bookkeeping). Never deleted, only
/// retired: projects and invoice lines of plugins keep its id, and the core cannot see every table that
/// does, so a retired service stays to be named by what refers to it and is no longer offered.
/// </summary>
public sealed class FirmService : IVersionedEntity
{
    /// <summary>The id plugins store.</summary>
    public long Id { get; set; }

    /// <summary>The name, unique among services.</summary>
    public required string Name { get; set; }

    /// <summary>The firm's short code, or null.</summary>
    public string? Code { get; set; }

    /// <summary>India's services accounting code: six digits starting with 99, or null.</summary>
    public string? SacCode { get; set; }

    /// <summary>The tax rate in percent it is usually invoiced with, or null.</summary>
    public decimal? DefaultTaxRate { get; set; }

    /// <summary>Whether it is no longer sold.</summary>
    public bool IsRetired { get; set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public Guid RowVersion { get; set; }
}
