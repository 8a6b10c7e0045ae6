using CrmBlazor.Plugins.Projects.Features.Customers;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Projects.Jobs;

/// <summary>Every night, recomputes the customer figures (open projects, hours in the last 90 days) for all customers.</summary>
public sealed class CustomerFiguresJob(ProjectCustomerFigures figures) : IPluginJob
{
    /// <summary>The job key (id <c>projects:customer-figures</c>).</summary>
    public const string Key = "customer-figures";

    /// <summary>02:40 UTC every day.</summary>
    public const string Schedule = "40 2 * * *";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await figures.RefreshAllAsync(cancellationToken);
        await context.ReportProgressAsync(100, "Customer figures recomputed.", cancellationToken);
    }
}
