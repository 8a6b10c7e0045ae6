using CrmBlazor.Plugins.Invoicing.Data;

namespace CrmBlazor.Plugins.Invoicing.Features.Runs;

/// <summary>The names users see for the states of a monthly run.</summary>
public static class InvoiceRunStatuses
{
    /// <summary>The name of a state (a resource key).</summary>
    /// <param name="status">The state.</param>
    public static string Title(InvoiceRunStatus status) => status switch
    {
        InvoiceRunStatus.Running => "Running",
        InvoiceRunStatus.Completed => "Completed",
        InvoiceRunStatus.Failed => "Failed",
        _ => status.ToString(),
    };
}
