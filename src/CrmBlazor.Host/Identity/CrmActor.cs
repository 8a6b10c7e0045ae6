using System.Security.Claims;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Who the current unit of work runs for: the signed-in user of an HTTP request or of a circuit
/// event, or a job. Flows with the async context, so that services created outside the request's
/// scope (DbContext interceptors, factories) know it too.
/// </summary>
/// <param name="User">The user's principal, or null for jobs and the system.</param>
/// <param name="Name">What the audit log shows: the user name, or e.g. "job fixture-alpha:heartbeat".</param>
public sealed record CrmActor(ClaimsPrincipal? User, string Name)
{
    private static readonly AsyncLocal<CrmActor?> CurrentActor = new();

    /// <summary>The actor of the current async flow, or null outside any request, circuit event or job.</summary>
    public static CrmActor? Current => CurrentActor.Value;

    /// <summary>The user id, or null.</summary>
    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Makes <paramref name="actor"/> current until the returned scope is disposed.</summary>
    /// <param name="actor">The actor.</param>
    public static IDisposable Use(CrmActor actor)
    {
        var previous = CurrentActor.Value;
        CurrentActor.Value = actor;
        return new Scope(previous);
    }

    /// <summary>The actor for a signed-in principal, or null for an anonymous one.</summary>
    /// <param name="user">The principal.</param>
    public static CrmActor? ForUser(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? new CrmActor(user, user.Identity.Name ?? "user") : null;

    private sealed class Scope(CrmActor? previous) : IDisposable
    {
        public void Dispose() => CurrentActor.Value = previous;
    }
}
