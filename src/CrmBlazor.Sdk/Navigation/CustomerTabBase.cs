using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>Base class of a tab that a plugin adds to the customer page.</summary>
/// <remarks>
/// The host renders the tab only on the page of an existing customer, for users who hold
/// <c>crm.customers.view</c> and the tab's own permission, if it was registered with one. A tab that
/// changes data must still check its own permission on the server when it acts.
/// </remarks>
public abstract class CustomerTabBase : ComponentBase
{
    /// <summary>The id of the customer whose page shows the tab.</summary>
    [Parameter, EditorRequired]
    public long CustomerId { get; set; }
}
