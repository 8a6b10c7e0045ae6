namespace CrmBlazor.Sdk.Security;

/// <summary>
/// Endpoint metadata: the response may be shown in a frame of the CRM's own pages (<c>frame-ancestors 'self'</c>
/// and <c>X-Frame-Options: SAMEORIGIN</c> instead of no framing at all), the rest of the security headers
/// unchanged. For a page a CRM page shows inline, such as a survey's preview as a respondent sees it; add it
/// with <c>.WithMetadata(new AllowSameOriginFramingAttribute())</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllowSameOriginFramingAttribute : Attribute
{
}
