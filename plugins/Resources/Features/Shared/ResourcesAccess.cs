using CrmBlazor.Plugins.Resources.Data;
using CrmBlazor.Sdk.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Resources.Features.Shared;

/// <summary>
/// Who may see and plan whom, asked on the server before every read and change: everyone with
/// <see cref="ResourcesPermissions.View"/> sees their own schedule, time off and allocations; a
/// manager with <see cref="ResourcesPermissions.PlanTeam"/> plans the people whose manager they are
/// (placeholders included); <see cref="ResourcesPermissions.PlanAll"/> (administrators) plans everyone.
/// </summary>
public sealed class ResourcesAccess(ICurrentUser user)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => user.UserId;

    /// <summary>Whether the user plans everyone.</summary>
    public Task<bool> CanPlanAllAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? user.HasPermissionAsync(ResourcesPermissions.PlanAll, cancellationToken) : Task.FromResult(false);

    /// <summary>Whether the user plans anyone at all (a team or everyone).</summary>
    public async Task<bool> CanPlanAnyoneAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated && (await CanPlanAllAsync(cancellationToken) || await user.HasPermissionAsync(ResourcesPermissions.PlanTeam, cancellationToken));

    /// <summary>Whether the user sees anyone's planning at all: their own (<see cref="ResourcesPermissions.View"/>) or the people they plan.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanSeeAnyoneAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated && (await user.HasPermissionAsync(ResourcesPermissions.View, cancellationToken) || await CanPlanAnyoneAsync(cancellationToken));

    /// <summary>Whether the user may plan a person: change their allocations, schedule, time off and skills.</summary>
    /// <param name="person">The person.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanPlanAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (!user.IsAuthenticated)
        {
            return false;
        }

        if (await CanPlanAllAsync(cancellationToken))
        {
            return true;
        }

        return person.ManagerUserId is not null
            && string.Equals(person.ManagerUserId, user.UserId, StringComparison.Ordinal)
            && await user.HasPermissionAsync(ResourcesPermissions.PlanTeam, cancellationToken);
    }

    /// <summary>Whether a person is the signed-in user, with the permission to see their own planning.</summary>
    /// <param name="person">The person.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> IsOwnAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return user.IsAuthenticated
            && person.UserId is not null
            && string.Equals(person.UserId, user.UserId, StringComparison.Ordinal)
            && await user.HasPermissionAsync(ResourcesPermissions.View, cancellationToken);
    }

    /// <summary>Whether the user may see a person's schedule, time off and allocations.</summary>
    /// <param name="person">The person.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanSeeAsync(Person person, CancellationToken cancellationToken = default) =>
        await IsOwnAsync(person, cancellationToken) || await CanPlanAsync(person, cancellationToken);

    /// <summary>The people the user may see, as a query to narrow further.</summary>
    /// <param name="people">The people to narrow.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<IQueryable<Person>> VisibleAsync(IQueryable<Person> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (!user.IsAuthenticated)
        {
            return people.Where(p => false);
        }

        if (await CanPlanAllAsync(cancellationToken))
        {
            return people;
        }

        var me = user.UserId;
        var team = await user.HasPermissionAsync(ResourcesPermissions.PlanTeam, cancellationToken);
        var own = await user.HasPermissionAsync(ResourcesPermissions.View, cancellationToken);
        return people.Where(p => (team && p.ManagerUserId == me) || (own && p.UserId == me));
    }

    /// <summary>The people the user may plan (everyone for a planner of all, their team for a manager), as a query to narrow further.</summary>
    /// <param name="people">The people to narrow.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<IQueryable<Person>> PlannableAsync(IQueryable<Person> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (await CanPlanAllAsync(cancellationToken))
        {
            return people;
        }

        var me = user.UserId;
        return user.IsAuthenticated && await user.HasPermissionAsync(ResourcesPermissions.PlanTeam, cancellationToken)
            ? people.Where(p => p.ManagerUserId == me)
            : people.Where(p => false);
    }

    /// <summary>Loads a person the user may see, or null when there is none or the user may not.</summary>
    /// <param name="db">The context.</param>
    /// <param name="personId">The person.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<Person?> FindVisibleAsync(ResourcesDbContext db, long personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        return person is not null && await CanSeeAsync(person, cancellationToken) ? person : null;
    }
}
