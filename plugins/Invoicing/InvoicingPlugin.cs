using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Customers;
using CrmBlazor.Plugins.Invoicing.Features.Dashboard;
using CrmBlazor.Plugins.Invoicing.Features.DemoData;
using CrmBlazor.Plugins.Invoicing.Features.Documents;
using CrmBlazor.Plugins.Invoicing.Features.Facts;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Payments;
using CrmBlazor.Plugins.Invoicing.Features.Privacy;
using CrmBlazor.Plugins.Invoicing.Features.Runs;
using CrmBlazor.Plugins.Invoicing.Features.Sending;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Plugins.Invoicing.Features.Timeline;
using CrmBlazor.Plugins.Invoicing.Jobs;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Invoicing;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing;

/// <summary>
/// Invoicing: invoices and credit notes from billable time (through the SDK's
/// <c>IBillableTimeSource</c>, offered by the projects plugin), fixed fees and discounts; taxes;
/// gap-free numbering; payments and reminders; documents and reminders sent by e-mail; PDF, zip and
/// CSV exports; a monthly invoice run. Offers other plugins its events and facts through the SDK
/// (<c>CrmBlazor.Sdk.Invoicing</c>: <see cref="InvoiceIssued"/>, <see cref="IInvoiceFacts"/>).
/// </summary>
public sealed class InvoicingPlugin : ICrmPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.UseResources<InvoicingResources>()
            .AddSettings<InvoicingSettings>()
            .AddPermission(new Permission(InvoicingPermissions.View, "View invoices", CrmRoles.Manager, CrmRoles.Staff, CrmRoles.Accountant))
            .AddPermission(new Permission(InvoicingPermissions.Manage, "Issue invoices and record payments", CrmRoles.Accountant))
            .AddMenuItem(new MenuItem("Invoices", InvoiceLinks.List, Icons.Material.Filled.ReceiptLong, InvoicingPermissions.View, 100, MenuGroups.Finance))
            .AddCustomerTab<InvoicesCustomerTab>("Invoices", order: 400, permission: InvoicingPermissions.View)
            .AddDashboardWidget<InvoicedAndPaidWidget>("Invoiced and paid", order: 400, permission: InvoicingPermissions.View)
            .AddDbContext<InvoicingDbContext>()
            .AddRecurringJob<MonthlyInvoiceRunJob, InvoicingSettings>(MonthlyInvoiceRunJob.Key, settings => settings.MonthlyRunCron)
            .AddRecurringJob<OverdueInvoicesJob>(OverdueInvoicesJob.Key, OverdueInvoicesJob.Schedule)
            .AddInitializer<InvoicingDemoDataInitializer>()
            .AddEventHandler<InvoiceIssued, InvoiceIssuedTimelineHandler>()
            .AddEventHandler<InvoiceIssued, CreditNoteTimeReleaseHandler>()
            .AddEventHandler<InvoiceIssued, IssuedInvoiceTimeNumberHandler>()
            .AddEventHandler<InvoiceIssued, SendIssuedRunInvoiceHandler>()
            .AddEventHandler<PaymentReceived, PaymentTimelineHandler>()
            .AddEventHandler<PaymentReminderDue, ReminderTimelineHandler>()
            .AddWebhookEvent<InvoiceIssued>("invoicing.invoice-issued", "Invoice issued", e => e.InvoiceId.ToString(CultureInfo.InvariantCulture),
                e => new { invoiceId = e.InvoiceId, customerId = e.CustomerId, kind = e.Kind.ToString(), number = e.Number, gross = e.Gross, currency = e.Currency, issueDate = e.IssueDate, creditedInvoiceId = e.CreditedInvoiceId })
            .AddWebhookEvent<PaymentReceived>("invoicing.invoice-paid", "Invoice paid", e => e.InvoiceId.ToString(CultureInfo.InvariantCulture),
                e => e.Status == InvoiceStatus.Paid ? new { invoiceId = e.InvoiceId, customerId = e.CustomerId, number = e.Number, lastPayment = e.Amount, currency = e.Currency, paidOn = e.Date } : null)
            .AddPersonalData<InvoicingPersonalData>()
            .MapEndpoints(InvoiceEndpoints.Map);
        foreach (var kind in InvoiceTimeline.Kinds)
        {
            plugin.AddTimelineKind(kind);
        }

        foreach (var template in InvoiceMessageTemplates.All)
        {
            plugin.AddMessageTemplate(template);
        }

        var services = plugin.Services;
        services.AddScoped<InvoiceAccess>();
        services.AddScoped<InvoiceDraftService>();
        services.AddScoped<InvoiceIssueService>();
        services.AddScoped<CreditedTimeRelease>();
        services.AddScoped<PaymentService>();
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<InvoicedAndPaid>();
        services.AddScoped<IInvoiceFacts, InvoiceFactsSource>();
        services.AddScoped<InvoiceRunQueries>();
        services.AddScoped<InvoiceDocuments>();
        services.AddScoped<InvoiceRunService>();
        services.AddScoped<InvoiceCsvExport>();
        services.AddScoped<InvoiceMail>();
        services.AddScoped<InvoiceSendService>();
    }
}
