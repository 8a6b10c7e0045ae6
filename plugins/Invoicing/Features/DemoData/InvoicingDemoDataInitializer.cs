using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Runs;
using CrmBlazor.Plugins.Invoicing.Jobs;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Sdk.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Plugins.Invoicing.Features.DemoData;

/// <summary>
/// With <c>Plugins:invoicing:DemoData=true</c> (the development profile) and no invoices yet, queues the
/// monthly invoice run for the previous month, so the demo firm's accountant finds drafts made from the
/// demo projects' time. It runs a little later than the projects plugin's demo seeding, which it bills.
/// </summary>
public sealed class InvoicingDemoDataInitializer(InvoicingDbContext db, IOptions<InvoicingSettings> settings, InvoiceRunService runs, IJobScheduler jobs) : IPluginInitializer
{
    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.DemoData && !await db.Invoices.AnyAsync(cancellationToken))
        {
            var month = runs.PreviousMonth();
            await jobs.EnqueueAsync<MonthlyInvoiceRunJob>(
                new MonthlyInvoiceRunArguments(month.Year, month.Month), delay: TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        }
    }
}
