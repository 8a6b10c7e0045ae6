using CrmBlazor.Sdk.Events;

namespace CrmBlazor.Fixtures.Beta.Features;

/// <summary>
/// Beta's own copy of Alpha's event: matched by its name, not by type, so Beta never references Alpha.
/// Only the fields Beta needs are declared; the note's text is not kept.
/// </summary>
[DomainEvent("fixture-alpha.note-added")]
public sealed record NoteAdded(long NoteId, long CustomerId) : IDomainEvent;
