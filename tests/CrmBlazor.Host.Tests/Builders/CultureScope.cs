using System.Globalization;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>Runs a test in a culture (formatting and UI language) and restores the previous one.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    /// <summary>The culture in force.</summary>
    public CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>Switches to a culture until disposed.</summary>
    /// <param name="name">The culture name, e.g. <c>en-IN</c>.</param>
    public static CultureScope Of(string name) => new(name);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
