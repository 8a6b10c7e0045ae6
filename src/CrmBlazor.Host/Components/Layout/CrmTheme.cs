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
            // Every colour below carries white text (chips, buttons) or stands as text on the page's
            // background: each is dark enough for 4.5:1 on both (WCAG 2.2 AA), where MudBlazor's bright
            // defaults reach 2.2:1 (success) to 3.7:1 (error).
            Secondary = "#0b7a7c",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            // MudBlazor's 54 % black gives 4.49:1 on the page's background; 60 % gives 5.6:1.
            TextSecondary = "rgba(0,0,0,0.6)",
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
