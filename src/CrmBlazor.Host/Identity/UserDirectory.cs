using CrmBlazor.Host.Data;
using CrmBlazor.Sdk.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Identity;

/// <summary>The host's implementation of <see cref="IUserDirectory"/>, over ASP.NET Core Identity's tables.</summary>
internal sealed class UserDirectory(IDbContextFactory<CrmDbContext> contexts) : IUserDirectory
{
    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(null, cancellationToken);

    public async Task<IReadOnlyDictionary<string, UserSummary>> GetManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return new Dictionary<string, UserSummary>();
        }

        var users = await QueryAsync(userIds, cancellationToken);
        return users.ToDictionary(u => u.Id);
    }

    private async Task<IReadOnlyList<UserSummary>> QueryAsync(IReadOnlyCollection<string>? userIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (userIds is not null)
        {
            users = users.Where(u => userIds.Contains(u.Id));
        }

        var rows = await users.Select(u => new { u.Id, u.DisplayName, u.Email, u.UserName, u.Culture }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.Where(r => r.Name is not null).ToLookup(r => r.UserId, r => r.Name!);
        return [.. rows
            .Select(r => new UserSummary(r.Id, r.DisplayName ?? r.Email ?? r.UserName ?? r.Id, r.Email, [.. rolesByUser[r.Id].Order(StringComparer.Ordinal)]) { Culture = r.Culture })
            .OrderBy(u => u.Name, StringComparer.CurrentCulture)];
    }
}
