using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Fixtures.Alpha.Features;

[DomainEvent("fixture-alpha.note-added")]
public sealed record NoteAdded(long NoteId, long CustomerId, string Text) : IDomainEvent;
