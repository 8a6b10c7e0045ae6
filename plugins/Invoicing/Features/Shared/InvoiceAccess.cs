using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>What the current user may do with invoices, asked on the server before every read and change.</summary>
/// <remarks>
/// Seeing invoices needs <see cref="InvoicingPermissions.View"/> and the core's permission to see
/// customers (the core lets whoever holds it see every customer, so there is no per-record rule to
/// add). Changing anything needs <see cref="InvoicingPermissions.Manage"/>, held by accountants and
/// administrators.
/// </remarks>
public sealed class InvoiceAccess(ICurrentUser user)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => user.UserId;

    /// <summary>The signed-in user's name, or null.</summary>
    public string? UserName => user.UserName;

    /// <summary>Whether the user may see invoices.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanViewAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated
        && await user.HasPermissionAsync(InvoicingPermissions.View, cancellationToken)
        && await user.HasPermissionAsync(CrmPermissions.CustomersView, cancellationToken);

    /// <summary>Whether the user may prepare, issue and credit invoices and record payments.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanManageAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated && await user.HasPermissionAsync(InvoicingPermissions.Manage, cancellationToken);
}
