namespace CrmBlazor.Host.Identity;

/// <summary>
/// Endpoint metadata: a signed-in user without the permission gets <c>403 Forbidden</c> with a short
/// message (a problem-details body) instead of the redirect to the access-denied page. For downloads (exports) that scripts
/// and other programs fetch as well as browsers; the refusal is logged like any other.
/// </summary>
/// <param name="Message">The message sent with the 403, as the problem's detail.</param>
public sealed record RefusedWithStatusCode(string Message);
