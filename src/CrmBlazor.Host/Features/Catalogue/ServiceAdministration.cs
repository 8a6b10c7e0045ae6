using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Catalogue;

/// <summary>
/// Adds, changes, retires and restores the services of the catalogue; every change needs
/// <see cref="CorePermissions.ManageServices"/>. There is no delete: see <see cref="FirmService"/>.
/// </summary>
public sealed class ServiceAdministration(
    IDbContextFactory<CrmDbContext> contexts,
    IAuthorizationService authorization,
    CurrentUser currentUser,
    TimeProvider clock)
{
    private static readonly Problem ServiceConflict =
        new("Someone else changed this service while you were editing it. Nothing was saved: reload and try again.");

    /// <summary>Every service, retired ones included, by name (for the admin page).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<FirmService>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var services = await db.FirmServices.AsNoTracking().ToListAsync(cancellationToken);
        return [.. services.OrderBy(s => s.IsRetired).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Whether the signed-in user may change the catalogue.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanManageAsync(CancellationToken cancellationToken = default) =>
        (await authorization.AuthorizeAsync(currentUser.Principal, CorePermissions.ManageServices)).Succeeded;

    /// <summary>Adds a service.</summary>
    /// <param name="input">The service.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> CreateAsync(ServiceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<FirmService>()
            .Allow(CanManageAsync)
            .Validate(input)
            .Create(() => new FirmService { Name = string.Empty, CreatedAt = clock.GetUtcNow() })
            .Check((_, ct) => NameTakenAsync(db, input.Name.Trim(), null, ct))
            .Apply(service => Copy(input, service))
            .SaveAsync(ServiceConflict, cancellationToken);
    }

    /// <summary>Saves an administrator's edit of a service.</summary>
    /// <param name="id">The service.</param>
    /// <param name="input">The values and the version loaded.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> UpdateAsync(long id, ServiceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<FirmService>()
            .Allow(CanManageAsync)
            .Validate(input)
            .Load(ct => db.FirmServices.FirstOrDefaultAsync(s => s.Id == id, ct))
            .Check((_, ct) => NameTakenAsync(db, input.Name.Trim(), id, ct))
            .Expect(input.RowVersion)
            .Apply(service => Copy(input, service))
            .SaveAsync(ServiceConflict, cancellationToken);
    }

    /// <summary>Retires a service (no longer offered; what refers to it keeps it) or restores it.</summary>
    /// <param name="id">The service.</param>
    /// <param name="retired">Whether it is retired from now on.</param>
    /// <param name="rowVersion">The version the administrator saw.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<ChangeResult> SetRetiredAsync(long id, bool retired, Guid rowVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<FirmService>()
            .Allow(CanManageAsync)
            .Load(ct => db.FirmServices.FirstOrDefaultAsync(s => s.Id == id, ct))
            .Expect(rowVersion)
            .Apply(service => service.IsRetired = retired)
            .SaveAsync(ServiceConflict, cancellationToken);
    }

    private static void Copy(ServiceInput input, FirmService service)
    {
        service.Name = input.Name.Trim();
        service.Code = Clean(input.Code);
        service.SacCode = Clean(input.SacCode);
        service.DefaultTaxRate = input.DefaultTaxRate;
    }

    private static async Task<ChangeResult?> NameTakenAsync(CrmDbContext db, string name, long? id, CancellationToken cancellationToken) =>
        await db.FirmServices.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken)
            ? ChangeResult.Invalid(nameof(ServiceInput.Name), new Problem("Another service already has this name."))
            : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
