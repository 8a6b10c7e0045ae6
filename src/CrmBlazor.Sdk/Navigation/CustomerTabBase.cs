using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>Base class of a tab that a plugin adds to the customer page.</summary>
/// <remarks>
/// The host has already checked that the user may see this customer before rendering the tab; a
/// tab that changes data must still check its own permission on the server when it acts.
/// </remarks>
public abstract class CustomerTabBase : ComponentBase
{
    /// <summary>The id of the customer whose page shows the tab.</summary>
    [Parameter, EditorRequired]
    public long CustomerId { get; set; }
}
