using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Privacy;
using CrmBlazor.Sdk.Results;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// What the firm holds about one of its users, beyond the account: each plugin's part
/// (<see cref="IStaffPersonalDataContributor"/>: working hours, time off, skills...), exported with the
/// account on the users page and erased before the account is anonymised
/// (<see cref="UserAdministration.EraseAsync"/>).
/// </summary>
public sealed class StaffPersonalData(
    IDbContextFactory<CrmDbContext> contexts,
    IServiceScopeFactory scopes,
    PluginCatalog catalog,
    PluginData pluginData,
    CurrentUser currentUser,
    SecurityLog securityLog,
    TimeProvider clock)
{
    /// <summary>Security log: an administrator downloaded a user's personal data.</summary>
    public const string Exported = "user-personal-data-export";

    /// <summary>The user as the contributors see them.</summary>
    /// <param name="user">The account.</param>
    public static StaffDataSubject SubjectOf(CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new StaffDataSubject(
            user.Id,
            [.. new[] { user.DisplayName, user.UserName }.OfType<string>().Distinct(StringComparer.Ordinal)],
            [.. new[] { user.Email }.OfType<string>()],
            UserAdministration.AnonymousName(user.Id));
    }

    /// <summary>
    /// Everything held about a user: the account (without secrets) and each loaded plugin's part, with the
    /// plugins whose data could not be read; null when there is no such user.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <exception cref="UnauthorizedAccessException">The current user is not an administrator.</exception>
    public async Task<JsonObject?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            throw new UnauthorizedAccessException(UserAdministration.OnlyAdministrators.Text);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync(cancellationToken);
        var subject = SubjectOf(user);
        var plugins = new JsonObject();
        foreach (var (ownerId, contributorType) in catalog.StaffPersonalDataContributors)
        {
            await using var scope = scopes.CreateAsyncScope();
            var contributor = (IStaffPersonalDataContributor)scope.ServiceProvider.GetRequiredService(contributorType);
            if (await contributor.ExportAsync(subject, cancellationToken) is { } data)
            {
                plugins[ownerId] = JsonSerializer.SerializeToNode(data, data.GetType(), JsonSerializerOptions.Web);
            }
        }

        var notIncluded = UnloadedPluginData.NotIncluded(await pluginData.NotLoadedAsync(cancellationToken));
        await securityLog.WriteAsync(Exported, currentUser.UserName, null, $"user {userId}");
        return new JsonObject
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = JsonSerializer.SerializeToNode(new
            {
                user.Id,
                user.DisplayName,
                user.UserName,
                user.Email,
                user.EmailConfirmed,
                user.PhoneNumber,
                user.Culture,
                user.TimeZone,
                user.TwoFactorEnabled,
                user.CreatedAt,
                user.DeactivatedAt,
                Roles = roles,
            }, JsonSerializerOptions.Web),
            ["plugins"] = plugins,
            ["pluginsNotIncluded"] = notIncluded,
        };
    }

    /// <summary>
    /// Erases each loaded plugin's data about the user, while the account still holds the names and
    /// addresses they search for; refused, with nothing erased, while a plugin that holds data is not
    /// loaded. Contributors are idempotent, so an erasure interrupted after this step is simply asked again.
    /// </summary>
    /// <param name="user">The account, not anonymised yet.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>Each plugin's account of what it erased, or the refusal.</returns>
    internal async Task<(IReadOnlyList<string> Report, Problem? Refusal)> EraseAsync(CrmUser user, CancellationToken cancellationToken)
    {
        if (UnloadedPluginData.Refusal(await pluginData.NotLoadedAsync(cancellationToken)) is { } refusal)
        {
            return ([], refusal);
        }

        var subject = SubjectOf(user);
        var report = new List<string>();
        foreach (var (ownerId, contributorType) in catalog.StaffPersonalDataContributors)
        {
            await using var scope = scopes.CreateAsyncScope();
            var contributor = (IStaffPersonalDataContributor)scope.ServiceProvider.GetRequiredService(contributorType);
            report.Add(ownerId + ": " + await contributor.EraseAsync(subject, cancellationToken));
        }

        return (report, null);
    }
}
