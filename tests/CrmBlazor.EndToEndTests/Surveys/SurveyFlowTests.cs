using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Surveys;

/// <summary>
/// A survey from the builder to the account manager's desk, in the browser: a manager adds a customer of its own
/// industry, with an account manager and a contact who reads Gujarati, and a segment of that industry; builds an
/// NPS survey in English and Gujarati with a follow-up question for detractors (question 1 at most 6), the closed
/// loop on or off; opens it and sends it to the segment. The contact opens the personal link from the message in
/// the outbox on a 360-pixel-wide phone, signed out: the page is in Gujarati, and she answers 3 and the follow-up.
/// The answer is in the results (one answer, NPS −100, her text); with the closed loop on, the account manager finds
/// a complaint on the customer's timeline and one more open complaint on the dashboard; with it off, neither.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class SurveyFlowTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string NpsGujarati = "તમે અમારી ભલામણ કોઈ સાથીદારને કરશો તેની કેટલી શક્યતા છે?";
    private const string FollowUpGujarati = "અમારે શું સુધારવું જોઈએ?";
    private const string Comment = "ડિલિવરી બે અઠવાડિયા મોડી આવી.";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADetractorsAnswerFromASegmentSend_IsInTheResults_AndOpensAFollowUpOnlyWithTheClosedLoop(bool closedLoop)
    {
        var testName = nameof(ADetractorsAnswerFromASegmentSend_IsInTheResults_AndOpensAFollowUpOnlyWithTheClosedLoop) + (closedLoop ? "-loop-on" : "-loop-off");
        var shot = closedLoop ? "loop-on" : "loop-off";
        var word = "Patola" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var customerName = "પાટણ પટોળા " + word;
        var segmentName = "Patan weavers " + word;
        var surveyName = "Weaving check-in " + word;
        var email = $"nayana.{word.ToLowerInvariant()}@customers.example";
        var ownerName = "Kiran Desai " + word;
        var owner = await HostUsers.CreateAsync(app.Host, CrmRoles.Staff, ownerName);
        var manager = await HostUsers.CreateAsync(app.Host, CrmRoles.Manager, "Ananya Rao");

        // Every page on the way is checked with axe by its own tests: this test checks the states only it reaches.
        // The account manager's dashboard before the answer: how many complaints are open.
        await using var desk = await app.OpenBrowserAsync(testName + "-account-manager", output);
        desk.ChecksShownPages = false;
        await desk.SignInAsync(owner);
        var openBefore = await OpenComplaintsAsync(desk.Page);

        await using var browser = await app.OpenBrowserAsync(testName, output);
        browser.ChecksShownPages = false;
        var shell = await browser.SignInAsync(manager);
        var page = browser.Page;

        // The customer, its account manager and its Gujarati-speaking contact; a segment of its industry.
        await shell.OpenFromMenuAsync("Customers");
        var dialog = await new CustomersPage(page).OpenNewCustomerAsync();
        await dialog.Name.FillAsync(customerName);
        await dialog.SetIndustryAsync(word);
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Account manager" }), ownerName);
        await dialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync(customerName);
        var customerPath = new Uri(page.Url).AbsolutePath;
        await new CustomerPage(page).OpenTabAsync("Contacts");
        await page.GetByTestId("contact-new").ClickAsync();
        var contact = page.Locator(".mud-dialog");
        var contactName = contact.Locator("input[data-testid=contact-name-input]");
        await Expect(contactName).ToBeFocusedAsync();
        await contactName.FillAsync("નયના પટેલ");
        await contact.Locator("input[data-testid=contact-email-input]").FillAsync(email);
        await ChooseAsync(page, contact.GetByTestId("contact-language"), "ગુજરાતી");
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await shell.OpenFromMenuAsync("Segments");
        var editor = await new SegmentsPage(page).NewSegmentAsync();
        await editor.Name.FillAsync(segmentName);
        await editor.AddTextRuleAsync("Industry", "is", word);
        await editor.SaveAsync();

        // The survey: NPS in English and Gujarati, the closed loop on or off.
        await shell.OpenFromMenuAsync("Surveys");
        await page.GetByTestId("surveys-new").ClickAsync();
        await page.Locator("input[data-testid=surveys-settings-name]").FillAsync(surveyName);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Gujarati" }).ClickAsync();
        var loopSwitch = page.GetByRole(AriaRole.Switch, new() { Name = "Closed loop: a detractor's answer opens a follow-up" });
        if (closedLoop)
        {
            await loopSwitch.ClickAsync();
        }

        await Expect(loopSwitch).ToBeCheckedAsync(new() { Checked = closedLoop });
        await page.GetByTestId("surveys-settings-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-name")).ToHaveTextAsync(surveyName);
        var surveyId = long.Parse(SurveyAddress().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("How likely are you to recommend us to a colleague?");
        await page.Locator("[data-testid=surveys-question-text-gu]").FillAsync(NpsGujarati);
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-builder-question")).ToHaveCountAsync(1);

        // The follow-up: long text, optional, shown when question 1 is at most 6.
        await page.GetByTestId("surveys-section-add-question").ClickAsync();
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Type" }), "Long text");
        await page.GetByRole(AriaRole.Switch, new() { Name = "An answer is required" }).ClickAsync();
        await page.Locator("[data-testid=surveys-question-text-en]").FillAsync("What should we do better?");
        await page.Locator("[data-testid=surveys-question-text-gu]").FillAsync(FollowUpGujarati);
        await ChooseAsync(page, page.Locator(".mud-dialog .mud-select").Filter(new() { HasText = "Only when an earlier answer" }),
            "Question 1: How likely are you to recommend us to a colleague?");
        await page.Locator("input[data-testid=surveys-question-showif-value]").FillAsync("6");
        await page.GetByTestId("surveys-question-save").ClickAsync();
        await Expect(page.GetByTestId("surveys-question-condition")).ToContainTextAsync("Shown when question 1 is at most 6");

        await page.GetByTestId("surveys-builder-open").ClickAsync();
        await page.GetByTestId("surveys-builder-send").ClickAsync();

        // To the segment: one person with an address, invited once the job has run.
        await Expect(page.GetByTestId("surveys-send-name")).ToHaveTextAsync(surveyName);
        await shell.WaitUntilInteractiveAsync();
        await ChooseAsync(page, page.GetByTestId("surveys-send-segment"), segmentName);
        await Expect(page.GetByTestId("surveys-send-reach")).ToHaveTextAsync("One person, with an e-mail address.");
        await page.GetByTestId("surveys-send-segment-submit").ClickAsync();
        await Expect(page.GetByTestId("surveys-send-run-text")).ToHaveTextAsync("1 of 1 invited; skipped: 0 without an e-mail address, 0 already holding a link.");
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync($"surveys-flow-{shot}-1-sent");

        // The message in the outbox: in Gujarati, with her personal link to this host.
        var subject = await HostDatabase.TextAsync(app.Host, """SELECT "Subject" FROM crm_outbox_messages WHERE "Recipients" LIKE @p0""", $"%{email}%");
        Assert.Equal(surveyName + ": અમે આપનો અભિપ્રાય જાણવા માંગીએ છીએ", subject);
        var html = await HostDatabase.TextAsync(app.Host, """SELECT "HtmlBody" FROM crm_outbox_messages WHERE "Recipients" LIKE @p0""", $"%{email}%")
            ?? throw new InvalidOperationException("The invitation is not in the outbox.");

        // The contact, signed out on a phone, follows the link in the message.
        await using var respondent = await app.OpenBrowserAsync(testName + "-respondent", output, options =>
            options.ViewportSize = new ViewportSize { Width = 360, Height = 740 });
        var phone = respondent.Page;
        await phone.SetContentAsync(html);
        var link = phone.GetByRole(AriaRole.Link, new() { Name = "સર્વેક્ષણનો જવાબ આપો" });
        Assert.StartsWith(app.Host.BaseAddress + "surveys/answer/", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await link.ClickAsync();
        await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "gu");
        await phone.GetByRole(AriaRole.Group, new() { Name = NpsGujarati }).GetByRole(AriaRole.Radio, new() { Name = "3", Exact = true }).CheckAsync();
        var followUp = phone.GetByRole(AriaRole.Textbox, new() { Name = FollowUpGujarati });
        await Expect(followUp).ToBeVisibleAsync();
        await Expect(followUp).ToHaveAccessibleDescriptionAsync("પ્રશ્ન 1નો તમારો જવાબ 6 કે તેથી ઓછો હોય તો જ આનો જવાબ આપો.");
        await followUp.FillAsync(Comment);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The answer page scrolls sideways.");
        await AxeCheck.AssertCleanAsync(phone);
        await respondent.ScreenshotAsync($"surveys-flow-{shot}-2-answer-gu-360");
        await phone.GetByTestId("answer-submit").ClickAsync();
        await Expect(phone.GetByTestId("answer-thanks")).ToHaveTextAsync("આભાર: તમારા જવાબો સાચવવામાં આવ્યા છે.");

        // The results: one answer, a detractor's, and her text.
        await page.GotoAsync($"/surveys/{surveyId}/results");
        await shell.WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("surveys-results-responses")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("surveys-results-nps")).ToHaveTextAsync("-100");
        await Expect(page.GetByTestId("surveys-results-text")).ToHaveTextAsync([Comment]);
        await AxeCheck.AssertCleanAsync(page);
        await browser.ScreenshotAsync($"surveys-flow-{shot}-3-results");

        // The account manager, once the answer's effects have run: the answer on the customer's timeline, and a
        // complaint (the follow-up) only with the closed loop.
        await WaitForEffectsAsync(surveyId);
        var timeline = desk.Page;
        await timeline.GotoAsync(customerPath);
        await new Shell(timeline).WaitUntilInteractiveAsync();
        await Expect(timeline.Locator("[data-testid=timeline-item][data-kind='surveys.survey-answered']"))
            .ToContainTextAsync($"Survey answered: {surveyName} (NPS 3)");
        var complaints = timeline.Locator("[data-testid=timeline-item][data-kind='Complaint']");
        if (closedLoop)
        {
            await Expect(complaints).ToHaveCountAsync(1);
            await Expect(complaints).ToContainTextAsync($"Detractor's answer to {surveyName}: NPS 3");
            await Expect(complaints.GetByTestId("timeline-status")).ToHaveTextAsync("Open");
            await Expect(complaints).ToContainTextAsync(Comment);
        }
        else
        {
            await Expect(complaints).ToHaveCountAsync(0);
        }

        await AxeCheck.AssertCleanAsync(timeline);
        await desk.ScreenshotAsync($"surveys-flow-{shot}-4-timeline");
        Assert.Equal(openBefore + (closedLoop ? 1 : 0), await OpenComplaintsAsync(timeline));
        if (!closedLoop)
        {
            await Expect(timeline.GetByTestId("open-case-customer").Filter(new() { HasText = customerName })).ToHaveCountAsync(0);
        }

        await desk.ScreenshotAsync($"surveys-flow-{shot}-5-dashboard");
    }

    // The dashboard's count of open complaints.
    private static async Task<int> OpenComplaintsAsync(IPage page)
    {
        await page.GotoAsync("/");
        await new Shell(page).WaitUntilInteractiveAsync();
        var count = page.GetByTestId("open-complaints");
        await Expect(count).ToBeVisibleAsync();
        return int.Parse(await count.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
    }

    // The effects of an answer run in a job seconds after the submit, which leaves a pending row until they are all done.
    private async Task WaitForEffectsAsync(long surveyId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var pending = (long)(await HostDatabase.ScalarAsync(app.Host, """SELECT COUNT(*) FROM surveys_pending_effects WHERE "SurveyId" = @p0""", surveyId))!;
            if (pending == 0)
            {
                return;
            }

            Assert.True(attempt < 120, $"The answer's effects did not run within a minute.{Environment.NewLine}{app.Host.RecentOutput}");
            await Task.Delay(500);
        }
    }

    // Opens a select and clicks an option; the popover closes once chosen.
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(options).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/surveys/([0-9]+)$")]
    private static partial Regex SurveyAddress();
}
