namespace CrmBlazor.Sdk.Data;

/// <summary>
/// An entity protected by optimistic concurrency. The host gives <see cref="RowVersion"/> a new value
/// on every insert and update and refuses an update whose original value no longer matches the row
/// (EF Core raises <c>DbUpdateConcurrencyException</c>), on SQLite and PostgreSQL alike.
/// </summary>
/// <remarks>
/// To save a copy a user edited in a form, load the entity, set
/// <c>context.Entry(entity).Property(e => e.RowVersion).OriginalValue</c> to the version the form was
/// loaded with, apply the changes and save.
/// </remarks>
public interface IVersionedEntity
{
    /// <summary>The concurrency token; set by the host, never by application code.</summary>
    Guid RowVersion { get; set; }
}
