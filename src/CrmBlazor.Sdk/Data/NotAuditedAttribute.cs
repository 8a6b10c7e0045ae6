namespace CrmBlazor.Sdk.Data;

/// <summary>
/// Keeps an entity, or one of its properties, out of the audit log. Every entity of every context is
/// audited by default (who changed what, with values before and after); use this for technical
/// records (caches, counters) and for secrets that must never be copied (tokens, hashes).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
