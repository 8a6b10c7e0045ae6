using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Catalogue;

/// <summary>
/// The catalogue as plugins read it (<see cref="IServiceCatalogue"/>). Reading needs no permission:
/// every page that picks or names a service reads it; changes go through <see cref="ServiceAdministration"/>.
/// </summary>
internal sealed class ServiceCatalogue(IDbContextFactory<CrmDbContext> contexts) : IServiceCatalogue
{
    public async Task<IReadOnlyList<CatalogueService>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var services = await db.FirmServices.AsNoTracking()
            .Where(s => includeRetired || !s.IsRetired)
            .ToListAsync(cancellationToken);
        return [.. services.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(ToContract)];
    }

    public async Task<CatalogueService?> GetAsync(long serviceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var service = await db.FirmServices.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        return service is null ? null : ToContract(service);
    }

    private static CatalogueService ToContract(FirmService s) => new(s.Id, s.Name, s.Code, s.SacCode, s.DefaultTaxRate, s.IsRetired);
}
