namespace CrmBlazor.Sdk.Catalogue;

/// <summary>
/// The catalogue of the services the firm sells (web design, monthly support, bookkeeping), kept by the
/// core and read by every plugin: a project names the service it delivers and an invoice line the
/// service it bills, so rules and reports can compare customers by what they buy.
/// </summary>
public interface IServiceCatalogue
{
    /// <summary>The services, by name; retired ones only when asked.</summary>
    /// <param name="includeRetired">Whether to include services no longer sold.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<CatalogueService>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default);

    /// <summary>One service, retired or not, or null if there is no such service.</summary>
    /// <param name="serviceId">The service.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<CatalogueService?> GetAsync(long serviceId, CancellationToken cancellationToken = default);
}

/// <summary>A service of the firm's catalogue.</summary>
/// <param name="Id">The service id, stored by plugins that refer to it.</param>
/// <param name="Name">The name users see.</param>
/// <param name="Code">The firm's short code for it, or null.</param>
/// <param name="SacCode">India's services accounting code (SAC) for tax invoices, or null.</param>
/// <param name="DefaultTaxRate">The tax rate in percent it is usually invoiced with, or null.</param>
/// <param name="IsRetired">Whether it is no longer sold (kept for what refers to it).</param>
public sealed record CatalogueService(long Id, string Name, string? Code, string? SacCode, decimal? DefaultTaxRate, bool IsRetired);
