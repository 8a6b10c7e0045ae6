using MudBlazor;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>How channels are named and drawn in the UI (names are resource keys).</summary>
public static class InteractionText
{
    /// <summary>The English name of a channel.</summary>
    /// <param name="channel">The channel.</param>
    public static string Channel(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Call => "Call",
        InteractionChannel.Email => "E-mail",
        InteractionChannel.Meeting => "Meeting",
        InteractionChannel.Note => "Note",
        InteractionChannel.Complaint => "Complaint",
        InteractionChannel.Inquiry => "Inquiry",
        InteractionChannel.WebForm => "Web form",
        _ => "In-store visit",
    };

    /// <summary>The icon of a channel.</summary>
    /// <param name="channel">The channel.</param>
    public static string Icon(InteractionChannel channel) => channel switch
    {
        InteractionChannel.Call => Icons.Material.Filled.Phone,
        InteractionChannel.Email => Icons.Material.Filled.Email,
        InteractionChannel.Meeting => Icons.Material.Filled.Groups,
        InteractionChannel.Note => Icons.Material.Filled.StickyNote2,
        InteractionChannel.Complaint => Icons.Material.Filled.ReportProblem,
        InteractionChannel.Inquiry => Icons.Material.Filled.HelpOutline,
        InteractionChannel.WebForm => Icons.Material.Filled.Web,
        _ => Icons.Material.Filled.Storefront,
    };
}
