using System.Globalization;
using CrmBlazor.Host.Components.Shared;

namespace CrmBlazor.Host.Components.Layout;

/// <summary>The shell: app bar with language and user menus, the menu drawer, and the page.</summary>
public partial class MainLayout
{
    /// <summary>The id of the page's <c>main</c> element: the skip link's target, focused after each navigation.</summary>
    public const string MainContentId = "main-content";

    private bool _drawerOpen = true;
    private CrmErrorBoundary? _errorBoundary;

    private static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new page gets a fresh start after an error on the previous one.
        _errorBoundary?.Recover();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
