using System.Globalization;

namespace CrmBlazor.Host.Localization;

/// <summary>A language the UI offers.</summary>
/// <param name="Name">The culture name, e.g. <c>ta-IN</c>.</param>
/// <param name="NativeName">The language's name in itself, as shown in the picker.</param>
public sealed record CrmCulture(string Name, string NativeName)
{
    /// <summary>The .NET culture.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Name);

    /// <summary>Whether the script is written right to left.</summary>
    public bool IsRightToLeft => Culture.TextInfo.IsRightToLeft;
}

/// <summary>The languages of the UI. Formatting of dates, numbers and money follows the culture (en-IN groups 1,00,000.00).</summary>
public static class CrmCultures
{
    /// <summary>The default culture.</summary>
    public const string Default = "en-GB";

    /// <summary>All cultures, in picker order.</summary>
    public static IReadOnlyList<CrmCulture> All { get; } =
    [
        new("en-GB", "English (UK)"),
        new("en-US", "English (US)"),
        new("en-IN", "English (India)"),
        new("ta-IN", "தமிழ்"),
        new("kn-IN", "ಕನ್ನಡ"),
        new("gu-IN", "ગુજરાતી"),
        new("ur-PK", "اردو"),
        new("ka-GE", "ქართული"),
    ];

    /// <summary>The culture names.</summary>
    public static string[] Names { get; } = [.. All.Select(c => c.Name)];

    /// <summary>Finds a supported culture by name, or null.</summary>
    /// <param name="name">The culture name.</param>
    public static CrmCulture? Find(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
