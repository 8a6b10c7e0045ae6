using MudBlazor;

namespace CrmBlazor.Host.Components.Layout;

/// <summary>The CRM's MudBlazor theme. Fonts fall back per script to the system's Noto families.</summary>
public static class CrmTheme
{
    private static readonly string[] FontFamily =
    [
        "Inter", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans Tamil", "Noto Sans Kannada", "Noto Sans Gujarati",
        "Noto Nastaliq Urdu", "Noto Sans Arabic", "Noto Sans Georgian", "Helvetica", "Arial", "sans-serif",
    ];

    /// <summary>The theme.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2a5ca8",
            Secondary = "#0f8b8d",
            AppbarBackground = "#1f3f73",
            Background = "#f6f7fb",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
        },
    };
}
