using System.Net;
using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>One call of <see cref="IMessageTemplates.RenderAsync"/>.</summary>
/// <param name="TemplateKey">The template.</param>
/// <param name="Recipient">The recipient.</param>
/// <param name="Fields">The template's own fields, as given.</param>
public sealed record TemplateRender(string TemplateKey, TemplateRecipient Recipient, IReadOnlyDictionary<string, object?> Fields);

/// <summary>
/// The <see cref="IMessageTemplates"/> of a <see cref="PluginTestContext"/>: records every render, refuses a
/// template the plugin did not register (as the host does), and returns the default of the language asked
/// for (else English) with each <c>{{ field }}</c> written as it is given — HTML-encoded in the HTML body —
/// and the standard fields left empty. It is not Liquid: tags and filters stay as written. The host's
/// rendering (languages, standard fields, the firm's wording) is tested through <see cref="PluginHost"/>.
/// </summary>
public sealed class RecordingMessageTemplates(Func<PluginRegistrations?> registrations) : IMessageTemplates
{
    private readonly Lock _lock = new();
    private readonly List<TemplateRender> _renders = [];

    /// <summary>The renders asked for, in order.</summary>
    public IReadOnlyList<TemplateRender> Renders
    {
        get
        {
            lock (_lock)
            {
                return [.. _renders];
            }
        }
    }

    /// <inheritdoc />
    public Task<RenderedMessage> RenderAsync(string templateKey, TemplateRecipient recipient, IReadOnlyDictionary<string, object?> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(fields);
        var template = registrations()?.MessageTemplates.FirstOrDefault(t => t.Key == templateKey)
            ?? throw new ArgumentException($"There is no message template '{templateKey}': register it with AddMessageTemplate.", nameof(templateKey));
        lock (_lock)
        {
            _renders.Add(new TemplateRender(templateKey, recipient, fields));
        }

        var asked = recipient.Language?.Split('-')[0].ToLowerInvariant();
        var language = asked is not null && template.Defaults.ContainsKey(asked) ? asked : "en";
        var text = template.Defaults[language];
        string Fill(string source, bool html) => fields.Aggregate(source, (result, field) =>
        {
            var value = Convert.ToString(field.Value, System.Globalization.CultureInfo.CurrentCulture) ?? string.Empty;
            return result.Replace("{{ " + field.Key + " }}", html ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        });
        var body = Fill(text.HtmlBody, html: true);
        return Task.FromResult(new RenderedMessage(language, Fill(text.Subject, html: false), body, text.TextBody is { } textBody ? Fill(textBody, html: false) : body));
    }
}
