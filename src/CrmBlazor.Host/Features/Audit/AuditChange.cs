namespace CrmBlazor.Host.Features.Audit;

/// <summary>One property of a record as an audit entry changed it, ready to show.</summary>
/// <param name="Property">The property's name in the code (<c>OwnerUserId</c>).</param>
/// <param name="Label">What people call it, as a resource key (<c>Account manager</c>), or the property name when none is known.</param>
/// <param name="Before">The value before, formatted; null when the record was created or the value was empty.</param>
/// <param name="After">The value after, formatted; null when the record was deleted or the value was cleared.</param>
public sealed record AuditChange(string Property, string Label, string? Before, string? After);
