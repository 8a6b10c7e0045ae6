using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Plugins.Resources.Features.Shared;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.People;

/// <summary>A team as lists show it.</summary>
/// <param name="Id">The team.</param>
/// <param name="Name">Its name.</param>
public sealed record TeamRow(long Id, string Name);

/// <summary>The teams people belong to; added by planners of all.</summary>
public sealed class TeamService(IDbContextFactory<ResourcesDbContext> contexts, ResourcesAccess access)
{
    /// <summary>Adds a team.</summary>
    /// <param name="input">Its name.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> CreateAsync(TeamInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<Team>()
            .Allow(access.CanPlanAllAsync)
            .Validate(input, async (errors, ct) =>
            {
                var name = input.Name?.Trim();
                if (name is not null && await db.Teams.AnyAsync(t => t.Name == name, ct))
                {
                    errors[nameof(input.Name)] = [new Problem("There is a team of that name already.")];
                }
            })
            .Create(() => new Team { Name = string.Empty })
            .Apply(team => team.Name = input.Name!.Trim())
            .SaveAsync(new Problem("There is a team of that name already."), cancellationToken);
    }

    /// <summary>Every team, by name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Select(t => new TeamRow(t.Id, t.Name)).ToListAsync(cancellationToken);
        return [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCulture)];
    }
}
