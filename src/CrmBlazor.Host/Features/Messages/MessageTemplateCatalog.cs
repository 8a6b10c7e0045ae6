using System.Collections.Concurrent;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Messaging;
using Fluid;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>
/// The message templates the core and the active plugins registered, and their texts parsed once: a text
/// is parsed again only when it changes (a firm's edit).
/// </summary>
public sealed class MessageTemplateCatalog(PluginCatalog plugins)
{
    private readonly ConcurrentDictionary<(string Key, string Language, TemplatePart Part), (string Source, IFluidTemplate Parsed)> _parsed = new();

    /// <summary>The registered templates with their owners.</summary>
    public IEnumerable<(string OwnerId, MessageTemplateDefinition Template)> All => plugins.MessageTemplates;

    /// <summary>The registered template with a key, or null (also when its plugin is not active).</summary>
    /// <param name="key">The key.</param>
    public (string OwnerId, MessageTemplateDefinition Template)? Find(string key) =>
        plugins.MessageTemplates.Where(t => t.Template.Key == key).Select(t => ((string, MessageTemplateDefinition)?)t).FirstOrDefault();

    /// <summary>A text of a template version, parsed (from the cache while the text is the same).</summary>
    /// <param name="key">The template key.</param>
    /// <param name="language">The version's language.</param>
    /// <param name="part">Which text.</param>
    /// <param name="source">The text.</param>
    public IFluidTemplate Parsed(string key, string language, TemplatePart part, string source)
    {
        var slot = (key, language, part);
        if (_parsed.TryGetValue(slot, out var cached) && string.Equals(cached.Source, source, StringComparison.Ordinal))
        {
            return cached.Parsed;
        }

        var parsed = LiquidTemplates.Parse(source);
        _parsed[slot] = (source, parsed);
        return parsed;
    }
}
