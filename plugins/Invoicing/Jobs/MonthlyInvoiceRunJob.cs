using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Features.Runs;
using CrmBlazor.Sdk.Jobs;

namespace CrmBlazor.Plugins.Invoicing.Jobs;

/// <summary>The month a run bills, when queued by hand (a scheduled run bills the previous month).</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="SendOnIssue">Whether the month's drafts are e-mailed when issued (<see cref="Data.InvoiceRun.SendOnIssue"/>), or null to keep the month's choice.</param>
public sealed record MonthlyInvoiceRunArguments(int Year, int Month, bool? SendOnIssue = null);

/// <summary>
/// The monthly invoice run (recurring, <c>invoicing:monthly-run</c>, on <c>Plugins:invoicing:MonthlyRunDay</c>
/// at 03:00 UTC): drafts for every customer with unbilled billable time in the previous month. See
/// <see cref="InvoiceRunService"/>; idempotent, so a retry or a second run makes nothing twice.
/// </summary>
public sealed class MonthlyInvoiceRunJob(InvoiceRunService runs) : IPluginJob
{
    /// <summary>The job key.</summary>
    public const string Key = "monthly-run";

    /// <inheritdoc />
    public async Task RunAsync(JobRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments is null ? null : context.GetArguments<MonthlyInvoiceRunArguments>();
        var month = arguments is null ? runs.PreviousMonth() : new DateOnly(arguments.Year, arguments.Month, 1);
        var name = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        try
        {
            await runs.RunAsync(month, arguments?.SendOnIssue, percent => context.ReportProgressAsync(percent, $"Invoice run {name}", cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await runs.FailAsync(month, e.Message, CancellationToken.None);
            throw;
        }
    }
}
