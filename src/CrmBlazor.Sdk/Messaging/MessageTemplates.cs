namespace CrmBlazor.Sdk.Messaging;

/// <summary>
/// A message a module sends whose wording the firm can edit per language on <c>/messages</c>. Register it
/// with <c>IPluginBuilder.AddMessageTemplate</c> and render it with <see cref="IMessageTemplates"/>.
/// </summary>
/// <remarks>
/// The texts are Liquid templates (<c>{{ customer.name }}</c>, <c>{% if invoice.amount_due %}</c>): they may
/// use the <see cref="StandardFields"/> and the template's own <see cref="Fields"/>, nothing else. Every
/// value is HTML-encoded in the HTML body.
/// </remarks>
public sealed record MessageTemplateDefinition
{
    /// <summary>The languages a template can have a version in, English first.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "ta", "kn", "gu", "ur", "ka"];

    /// <summary>
    /// The fields every template can use, filled by the host from the <see cref="TemplateRecipient"/>:
    /// the customer, the contact, the recipient (the contact, else the customer), the account manager
    /// and the firm (<c>Crm:Firm:Name</c>).
    /// </summary>
    public static IReadOnlyList<MergeField> StandardFields { get; } =
    [
        new("recipient.name", "Recipient's name", "Meena Raman"),
        new("customer.name", "Customer's name", "Raman Textiles"),
        new("customer.email", "Customer's e-mail", "accounts@raman-textiles.example"),
        new("contact.name", "Contact's name", "Meena Raman"),
        new("contact.email", "Contact's e-mail", "meena@raman-textiles.example"),
        new("account_manager.name", "Account manager's name", "Arjun Mehta"),
        new("account_manager.email", "Account manager's e-mail", "arjun@firm.example"),
        new("firm.name", "Firm's name", "Mehta & Partners"),
    ];

    /// <summary>
    /// The key: <c>&lt;owner id&gt;.&lt;name&gt;</c> in lower case, such as <c>invoicing.invoice</c> (the core's
    /// are <c>crm.*</c>). The firm's edited versions are stored under it.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>The title shown on <c>/messages</c>, translated through the owner's resources (<c>UseResources</c>).</summary>
    public required string Title { get; init; }

    /// <summary>Transactional (the default: invoices, reminders, invitations) or campaign.</summary>
    public MessageKind Kind { get; init; } = MessageKind.Transactional;

    /// <summary>The fields this template adds to the <see cref="StandardFields"/>, such as <c>invoice.number</c>.</summary>
    public IReadOnlyList<MergeField> Fields { get; init; } = [];

    /// <summary>
    /// The default texts by language (a code of <see cref="Languages"/>); <c>en</c> is required. A language
    /// without a text falls back to the firm's default language, then to English.
    /// </summary>
    public required IReadOnlyDictionary<string, MessageTemplateText> Defaults { get; init; }
}

/// <summary>A merge field a template can use.</summary>
/// <param name="Name">
/// A Liquid path in lower case with dots, such as <c>invoice.number</c>: letters, digits and underscores in
/// each part, each part starting with a letter.
/// </param>
/// <param name="Title">What it is, shown in the editor (translated through the owner's resources).</param>
/// <param name="Example">A value shown in previews, such as <c>INV-2026-0042</c>.</param>
public sealed record MergeField(string Name, string Title, string Example);

/// <summary>The texts of one language version of a template, each a Liquid template.</summary>
/// <param name="Subject">The subject (one line).</param>
/// <param name="HtmlBody">The HTML body, a fragment such as <c>&lt;p&gt;Dear {{ recipient.name }},&lt;/p&gt;</c>.</param>
/// <param name="TextBody">The plain-text body, or null to derive it from the HTML body.</param>
public sealed record MessageTemplateText(string Subject, string HtmlBody, string? TextBody = null);

/// <summary>
/// Who a message is rendered for. The contact's language picks the version (then the customer's), unless
/// <see cref="Language"/> is given (such as a colleague's own language for an invitation); then the firm's
/// default language; then English.
/// </summary>
/// <param name="CustomerId">The customer, or null.</param>
/// <param name="ContactId">The contact (one of the customer's), or null.</param>
/// <param name="Language">A language code of <see cref="MessageTemplateDefinition.Languages"/> (or a culture name such as <c>ta-IN</c>) to use, or null.</param>
public sealed record TemplateRecipient(long? CustomerId = null, long? ContactId = null, string? Language = null);

/// <summary>A template rendered for one recipient, ready for an <see cref="OutgoingMessage"/>.</summary>
/// <param name="Language">The language of the version used.</param>
/// <param name="Subject">The subject, one line.</param>
/// <param name="HtmlBody">The HTML body, values encoded, wrapped in an element that carries the language and direction.</param>
/// <param name="TextBody">The plain-text body.</param>
public sealed record RenderedMessage(string Language, string Subject, string HtmlBody, string TextBody);

/// <summary>Renders the message templates registered with <c>IPluginBuilder.AddMessageTemplate</c> (a scoped service).</summary>
public interface IMessageTemplates
{
    /// <summary>
    /// Renders a template for one recipient: the firm's edited version of the chosen language if there is
    /// one, else the registered default. Standard fields are filled by the host from the recipient:
    /// <c>customer.name</c>, <c>customer.email</c>, <c>contact.name</c>, <c>contact.email</c>,
    /// <c>recipient.name</c> (contact, else customer), <c>account_manager.name</c>,
    /// <c>account_manager.email</c>, <c>firm.name</c>. Values are HTML-encoded in the HTML body and not in
    /// the subject and text body; an Urdu body is wrapped right to left (<c>dir="rtl" lang="ur"</c>).
    /// </summary>
    /// <param name="templateKey">The template's <see cref="MessageTemplateDefinition.Key"/>.</param>
    /// <param name="recipient">Who the message is for.</param>
    /// <param name="fields">The template's own fields by <see cref="MergeField.Name"/>, such as <c>["invoice.number"] = "INV-2026-0042"</c>; pass formatted text for amounts and dates.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rendered subject and bodies, and the language used.</returns>
    /// <exception cref="ArgumentException">The template key is unknown, or the customer or contact does not exist.</exception>
    Task<RenderedMessage> RenderAsync(string templateKey, TemplateRecipient recipient,
        IReadOnlyDictionary<string, object?> fields, CancellationToken cancellationToken = default);
}
