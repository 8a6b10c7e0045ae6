using Microsoft.AspNetCore.Components.Routing;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>An entry of the main menu.</summary>
/// <param name="Title">The text (localised through the plugin's resources).</param>
/// <param name="Href">The absolute path it leads to, e.g. <c>/projects</c>.</param>
/// <param name="Icon">A MudBlazor icon (<c>Icons.Material.Filled.Work</c>), or null.</param>
/// <param name="Permission">Permission needed to see the entry, or null for every signed-in user.</param>
/// <param name="Order">Position within its group; lower comes first.</param>
/// <param name="Group">Menu group the entry belongs to (see <see cref="MenuGroups"/>).</param>
public sealed record MenuItem(
    string Title,
    string Href,
    string? Icon = null,
    string? Permission = null,
    int Order = 500,
    string Group = MenuGroups.Work)
{
    /// <summary>How the entry is highlighted as the current page; prefix by default.</summary>
    public NavLinkMatch Match { get; init; } = NavLinkMatch.Prefix;

    /// <summary>
    /// True when <see cref="Href"/> is not a page of the CRM's UI (a file download, a dashboard served
    /// by other middleware), so the browser loads it instead of the client-side router.
    /// </summary>
    public bool FullPageLoad { get; init; }
}

/// <summary>The groups of the main menu.</summary>
public static class MenuGroups
{
    /// <summary>Customers, contacts, segments: the core of the CRM.</summary>
    public const string Customers = "Customers";

    /// <summary>Day-to-day work: projects, time, planning.</summary>
    public const string Work = "Work";

    /// <summary>Money: invoices, payments.</summary>
    public const string Finance = "Finance";

    /// <summary>Insights: opportunities, surveys, reports.</summary>
    public const string Insights = "Insights";

    /// <summary>Administration: users, plugins, jobs, audit.</summary>
    public const string Administration = "Administration";

    /// <summary>All groups in menu order.</summary>
    public static IReadOnlyList<string> All { get; } = [Customers, Work, Finance, Insights, Administration];
}
