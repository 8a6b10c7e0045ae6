namespace CrmBlazor.Host.Features.Messages;

/// <summary>
/// The firm as its messages name it, read from <c>Crm:Firm:Name</c> (default "CrmBlazor") and
/// <c>Crm:Firm:Language</c> (default "en"), the language of a message whose recipient has none.
/// </summary>
/// <param name="Name">The firm's name (the merge field <c>firm.name</c>).</param>
/// <param name="Language">The firm's default language, a code of <c>MessageTemplateDefinition.Languages</c>.</param>
public sealed record FirmSettings(string Name, string Language)
{
    /// <summary>Reads and checks the settings.</summary>
    /// <param name="configuration">The host configuration.</param>
    /// <exception cref="InvalidOperationException">The language is not one the messages have; the message names the setting and the choices.</exception>
    public static FirmSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Crm:Firm:Name"]?.Trim();
        var languageText = configuration["Crm:Firm:Language"]?.Trim();
        var language = string.IsNullOrEmpty(languageText) ? "en" : MessageLanguages.Normalize(languageText)
            ?? throw new InvalidOperationException($"Crm:Firm:Language is '{languageText}'; use one of {string.Join(", ", MessageLanguages.Codes)}.");
        return new FirmSettings(string.IsNullOrEmpty(name) ? "CrmBlazor" : name, language);
    }
}
