namespace CrmBlazor.Sdk.Security;

/// <summary>
/// Counts attempts per key in fixed windows, shared by every instance of the host on the database (the
/// core's forgotten-password pages count with it too), for pages and endpoints that anyone can reach:
/// more instances do not give a client more attempts.
/// </summary>
/// <remarks>
/// A refused attempt counts as well, so hammering does not reopen the window. Keys are the caller's: start
/// them with the plugin id (<c>surveys answer 203.0.113.7</c>); a key is cut to 400 characters.
/// </remarks>
public interface IRateLimits
{
    /// <summary>Counts one attempt for a key in the current window of the given length.</summary>
    /// <param name="key">What is counted, such as an action and a client address.</param>
    /// <param name="limit">How many attempts the window allows (at least 1).</param>
    /// <param name="window">The window's length (at least a second).</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>Null when the attempt is allowed; otherwise how long until the window ends (for <c>Retry-After</c>).</returns>
    Task<TimeSpan?> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);
}
