using System.Globalization;
using System.Runtime.CompilerServices;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// A user of each role and the records that make every page show its content (a tagged customer with an
/// interaction, an open complaint and a contact, a segment, a project with a task and logged time, a draft and an issued
/// invoice, a completed monthly run, the staff member planned in resources with an allocation on the project and an
/// over-allocation next week on record), made once per host through the UI, as people would make them; and a message in
/// the outbox, which no page queues yet (<see cref="HostOutbox"/>).
/// </summary>
/// <param name="Users">Who signs in, by role (<see cref="CrmRoles"/>).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="SegmentId">A segment of customers.</param>
/// <param name="ProjectId">The customer's project.</param>
/// <param name="DraftInvoiceId">A draft invoice.</param>
/// <param name="IssuedInvoiceId">An issued invoice (of the project's time).</param>
/// <param name="RunMonth">The first day of the month that has a completed monthly run.</param>
/// <param name="OutboxMessageId">A message in the outbox, not sent for want of a mail server.</param>
/// <param name="PersonId">The staff member as a person planned in resources (their own page; the administrator plans them).</param>
/// <param name="SurveyId">An open NPS survey in English and Urdu with a question (its builder and send pages) and eight answers of the customer's contacts (its results page, NPS +25).</param>
/// <param name="OpportunityId">An open budget-burn opportunity of the customer's project, without an owner (its page, for those who see every opportunity).</param>
public sealed record SampleRecords(
    IReadOnlyDictionary<string, Credentials> Users, long CustomerId, long SegmentId, long ProjectId, long DraftInvoiceId, long IssuedInvoiceId, DateOnly RunMonth,
    Guid OutboxMessageId, long PersonId, long SurveyId, long OpportunityId)
{
    private static readonly ConditionalWeakTable<CrmHostProcess, Task<SampleRecords>> Arranged = [];

    /// <summary>The records on the fixture's host, made by the first caller.</summary>
    /// <param name="app">The fixture.</param>
    /// <param name="output">The first caller's output, for the sessions that make them.</param>
    public static Task<SampleRecords> OnAsync(EndToEndFixture app, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Arranged.GetValue(app.Host, host => ArrangeAsync(app, host, output));
    }

    private static async Task<SampleRecords> ArrangeAsync(EndToEndFixture app, CrmHostProcess host, ITestOutputHelper output)
    {
        var users = new Dictionary<string, Credentials>
        {
            [CrmRoles.Admin] = EndToEndFixture.Admin,
            [CrmRoles.Manager] = await HostUsers.CreateAsync(host, CrmRoles.Manager, "Meera Iyer"),
            [CrmRoles.Staff] = await HostUsers.CreateAsync(host, CrmRoles.Staff, "Ravi Shankar"),
            [CrmRoles.Accountant] = await HostUsers.CreateAsync(host, CrmRoles.Accountant, "Nino Tsereteli"),
        };
        var word = "Samarkand" + Random.Shared.Next(1000, 9999);

        // The manager: the customer, its project and time, an interaction, a contact and a segment.
        await using var manager = await app.OpenBrowserAsync("sample-records-manager", output);
        manager.ChecksShownPages = false;
        var (customerId, projectId) = await BillableTime.ArrangeAsync(manager, users[CrmRoles.Manager], word + " Advisory", "Audit support " + word, "retainer, priority");
        var page = manager.Page;
        await page.GotoAsync($"/customers/{customerId}");
        var customer = new CustomerPage(page);
        await customer.ExpectShownAsync(word + " Advisory");
        await customer.LogInteractionAsync("Call", "Quarterly review");
        await customer.LogInteractionAsync("Complaint", "Invoice sent twice");
        await customer.OpenTabAsync("Contacts");
        await customer.AddContactAsync("Dilnoza Karimova", "dilnoza@samarkand.example");

        await new Shell(page).OpenFromMenuAsync("Segments");
        var segments = new SegmentsPage(page);
        await segments.ExpectShownAsync();
        var editor = await segments.NewSegmentAsync();
        await editor.Name.FillAsync("Retainer customers " + word);
        await editor.AddTextRuleAsync("Name", "contains", word);
        await editor.SaveAsync();
        var segmentId = IdIn(page.Url, "/segments/");

        // The accountant: an invoice of the time, issued; an empty draft; the month's run.
        await using var accountant = await app.OpenBrowserAsync("sample-records-accountant", output);
        accountant.ChecksShownPages = false;
        await accountant.SignInAsync(users[CrmRoles.Accountant]);
        page = accountant.Page;
        var newInvoice = new NewInvoicePage(page);
        var invoice = new InvoicePage(page);
        await newInvoice.OpenAsync(customerId);
        await Expect(newInvoice.Entries).ToHaveCountAsync(1);
        await newInvoice.ChooseTaxProfileAsync("GST (within the state)");
        await newInvoice.CreateFromTimeAsync();
        await invoice.ExpectDraftAsync();
        await invoice.IssueAsync();
        var issuedId = IdIn(page.Url, "/invoices/");

        await newInvoice.OpenAsync(customerId);
        await page.GetByTestId("invoicing-new-empty").ClickAsync();
        await invoice.ExpectDraftAsync();
        await invoice.AddFeeAsync("Quarterly review", "120");
        var draftId = IdIn(page.Url, "/invoices/");

        var today = DateOnly.FromDateTime(DateTime.Now);
        var month = new DateOnly(today.Year, today.Month, 1);
        var runs = new InvoiceRunsPage(page);
        await runs.OpenAsync(month);
        await runs.RunNowAsync();
        await Expect(runs.Run(month)).ToHaveAttributeAsync("data-status", "Completed");

        // The administrator: the staff member as a person to plan, allocated to the project.
        await using var admin = await app.OpenBrowserAsync("sample-records-admin", output);
        admin.ChecksShownPages = false;
        await admin.SignInAsync(users[CrmRoles.Admin]);
        page = admin.Page;
        await page.GotoAsync("/resources/people");
        await new Shell(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("resources-people-add").ClickAsync();
        await Pickers.SelectAsync(page, DialogSelect(page, "User (leave empty for a placeholder)"), "Ravi Shankar");
        await page.GetByTestId("resources-person-save").ClickAsync();
        await page.GetByTestId("resources-person-link").Filter(new() { HasText = "Ravi Shankar" }).ClickAsync();
        await Expect(page.GetByTestId("resources-person-weeks")).ToBeVisibleAsync();
        var personId = IdIn(page.Url, "/resources/people/");

        await page.GotoAsync($"/resources/projects/{projectId}");
        await new Shell(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("resources-team-add").ClickAsync();
        await Pickers.SelectAsync(page, DialogSelect(page, "Person"), "Ravi Shankar");
        await page.Locator("input[data-testid=resources-allocation-hours]").FillAsync("10");
        await page.GetByTestId("resources-allocation-save").ClickAsync();
        await Expect(page.GetByTestId("resources-team").Locator("tbody tr").Filter(new() { HasText = "Ravi Shankar" })).ToHaveCountAsync(1);

        // An over-allocation of the staff member next week, as the daily check records it: the administrator's
        // dashboard lists it.
        var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
        await HostOverbookings.AddOpenAsync(host, personId, nextMonday, capacityMinutes: 2250, allocatedMinutes: 2760);

        // A survey in English and Urdu with one NPS question.
        await page.GotoAsync("/surveys");
        await new Shell(page).WaitUntilInteractiveAsync();
        await page.GetByTestId("surveys-new").ClickAsync();
        await page.Locator("input[data-testid=surveys-settings-name]").FillAsync("Project feedback " + word);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Urdu" }).ClickAsync();
        await page.GetByTestId("surveys-settings-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync("Project feedback " + word);
        var surveyId = IdIn(page.Url, "/surveys/");
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("How likely are you to recommend us?");
        await page.Locator("[data-testid=surveys-question-text-ur]").FillAsync("آپ ہمیں کسی دوست کو تجویز کرنے کا کتنا امکان رکھتے ہیں؟");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-question")).ToHaveCountAsync(1);
        await page.GetByTestId("surveys-builder-open").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-send")).ToBeVisibleAsync();

        // Its answers, from contacts of the customer over the last months (the results page): 10, 9, 9, 8, 7, 6, 3, 10,
        // four promoters and two detractors of eight, an NPS of +25.
        var question = await HostSurveyAnswers.FirstQuestionAsync(host, surveyId);
        int[] scores = [10, 9, 9, 8, 7, 6, 3, 10];
        for (var i = 0; i < scores.Length; i++)
        {
            await HostSurveyAnswers.AddAsync(host, surveyId, today.AddDays(-9 * i), customerId, 9000 + i, (question, scores[i]));
        }

        var messageId = await HostOutbox.AddNotSentAsync(host, HostOutbox.UrduInvoice(word));
        var opportunityId = await HostOpportunities.AddOpenAsync(host, customerId, projectId, "Audit support " + word);
        return new SampleRecords(users, customerId, segmentId, projectId, draftId, issuedId, month, messageId, personId, surveyId, opportunityId);
    }

    // A dialog's select, found by its label.
    private static ILocator DialogSelect(IPage page, string label) => page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = label });

    private static long IdIn(string url, string prefix)
    {
        var path = new Uri(url).AbsolutePath;
        return path.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(path[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"No id after {prefix} in {url}.");
    }
}
