using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>A page the router serves, at an address that shows its content, and the roles that may open it.</summary>
/// <param name="Address">The address, with the sample records' ids.</param>
/// <param name="Roles">The roles whose permissions let them see it (<see cref="CrmRoles"/>).</param>
public sealed record RoutablePage(string Address, IReadOnlyList<string> Roles);

/// <summary>A dialog a page opens, by the test id of the button that opens it (on the page or on one of its tabs).</summary>
/// <param name="Address">The page's address.</param>
/// <param name="Opener">The opening button's <c>data-testid</c>.</param>
public sealed record PageDialog(string Address, string Opener);

/// <summary>
/// Every page of the core and of the projects, invoicing, resources, surveys and upsell plugins (each <c>@page</c> route), and their main
/// dialogs: the list the accessibility tests walk. A new page or dialog is added here.
/// </summary>
/// <remarks>
/// Not listed: the Hangfire dashboard at /jobs, whose pages are Hangfire's own, and the end-to-end fixture
/// plugin's page, which its own tests visit (and so check).
/// </remarks>
public static class RoutablePages
{
    /// <summary>The languages checked: one left to right, one right to left.</summary>
    public static IReadOnlyList<(string CultureName, string NativeName)> Languages { get; } = [("en-GB", "English (UK)"), ("ur-PK", "اردو")];

    private static readonly string[] Everyone = [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff, CrmRoles.Accountant];

    /// <summary>The pages shown to someone signed out.</summary>
    public static IReadOnlyList<string> Public { get; } =
        ["/account/login", "/account/forgot-password", "/account/reset-password?token=not-a-token", "/account/access-denied", "/error", "/no-such-page", "/unsubscribe/not-a-token", "/surveys/answer/not-a-token", "/surveys/public/not-a-token"];

    /// <summary>The pages shown to the signed in, with the roles that may open each.</summary>
    /// <param name="records">The records the addresses name.</param>
    public static IReadOnlyList<RoutablePage> SignedIn(SampleRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return
        [
            new("/", Everyone),
            new("/customers", Everyone),
            new($"/customers/{records.CustomerId}", Everyone),
            new("/customers/import", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/segments", Everyone),
            new($"/segments/{records.SegmentId}", Everyone),
            new("/segments/new", Everyone),
            new("/messages", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/messages?template=crm.invitation", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/messages/sends", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/admin/users", [CrmRoles.Admin]),
            new("/admin/permissions", [CrmRoles.Admin]),
            new("/admin/plugins", [CrmRoles.Admin]),
            new("/admin/security", [CrmRoles.Admin]),
            new("/admin/outbox", [CrmRoles.Admin]),
            new("/admin/webhooks", [CrmRoles.Admin]),
            new("/admin/services", [CrmRoles.Admin, CrmRoles.Manager]),
            new($"/admin/outbox/{records.OutboxMessageId}", [CrmRoles.Admin]),
            new("/admin/audit", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/projects", Everyone),
            new($"/projects/{records.ProjectId}", Everyone),
            new("/projects/new", [CrmRoles.Admin, CrmRoles.Manager]),
            new($"/projects/{records.ProjectId}/edit", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/projects/time", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/projects/time/day", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/invoices", Everyone),
            new($"/invoices/{records.DraftInvoiceId}", Everyone),
            new($"/invoices/{records.IssuedInvoiceId}", Everyone),
            new($"/invoices/new?customer={records.CustomerId}", [CrmRoles.Admin, CrmRoles.Accountant]),
            new($"/invoices/runs?month={records.RunMonth:yyyy-MM}", [CrmRoles.Admin, CrmRoles.Accountant]),
            new("/resources/people", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new($"/resources/people/{records.PersonId}", [CrmRoles.Admin, CrmRoles.Staff]),
            new($"/resources/projects/{records.ProjectId}", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/resources/board", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/resources/holidays", [CrmRoles.Admin]),
            new("/surveys", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new($"/surveys/{records.SurveyId}", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new($"/surveys/{records.SurveyId}/send", [CrmRoles.Admin, CrmRoles.Manager]),
            new($"/surveys/{records.SurveyId}/results", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new("/upsell", [CrmRoles.Admin, CrmRoles.Manager, CrmRoles.Staff]),
            new($"/upsell/opportunities/{records.OpportunityId}", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/upsell/rules", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/upsell/conversion", [CrmRoles.Admin, CrmRoles.Manager]),
            new("/account", Everyone),
            new("/account/password", Everyone),
            new("/account/access-denied", Everyone),
            new("/no-such-page", Everyone),
        ];
    }

    /// <summary>The main dialogs, each opened by an administrator (who holds every permission).</summary>
    /// <param name="records">The records the addresses name.</param>
    public static IReadOnlyList<PageDialog> Dialogs(SampleRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var customer = $"/customers/{records.CustomerId}";
        var project = $"/projects/{records.ProjectId}";
        var draft = $"/invoices/{records.DraftInvoiceId}";
        var issued = $"/invoices/{records.IssuedInvoiceId}";
        return
        [
            new("/admin/services", "service-new"),
            new("/customers", "customer-new"),
            new(customer, "customer-edit"),
            new(customer, "log-interaction"),
            new(customer, "contact-new"),
            new(project, "projects-task-add"),
            new(project, "projects-milestone-add"),
            new(project, "projects-rate-add"),
            new("/projects/time", "projects-week-add-row"),
            new("/projects/time/day", "projects-day-add"),
            new(draft, "invoicing-add-time"),
            new(draft, "invoicing-add-fee"),
            new(draft, "invoicing-add-discount"),
            new(draft, "invoicing-issue"),
            new(issued, "invoicing-record-payment"),
            new(issued, "invoicing-credit"),
            new("/resources/people", "resources-people-add"),
            new($"/resources/projects/{records.ProjectId}", "resources-team-add"),
            new("/surveys", "surveys-new"),
            new($"/surveys/{records.SurveyId}", "surveys-builder-settings"),
            new($"/surveys/{records.SurveyId}", "surveys-section-add-question"),
            new($"/surveys/{records.SurveyId}", "surveys-question-edit"),
        ];
    }
}
