namespace CrmBlazor.Sdk.Messaging;

/// <summary>What a message is sent for, which decides the rules that apply to it.</summary>
public enum MessageKind
{
    /// <summary>
    /// A message a recipient expects because of something that happened to them (an invoice, a
    /// reminder, an invitation); sent whatever their marketing choices.
    /// </summary>
    Transactional,

    /// <summary>A message sent to many recipients at once (a campaign to a segment).</summary>
    Campaign,
}
