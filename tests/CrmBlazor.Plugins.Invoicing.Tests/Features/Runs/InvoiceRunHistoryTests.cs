using System.Globalization;
using Bunit;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Runs;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Invoicing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CrmBlazor.Plugins.Invoicing.Tests.Features.Runs;

/// <summary>
/// The monthly runs page's history, built with the UI kit, in every culture of the shell and in the
/// user's time zone (India): a run started at 20:15 UTC on 30 November shows as 01:45 on 1 December.
/// </summary>
public sealed class InvoiceRunHistoryTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly DateTimeOffset StartedUtc = new(2026, 11, 30, 20, 15, 0, TimeSpan.Zero);
    private static readonly DateTime StartedInIndia = new(2026, 12, 1, 1, 45, 0);
    private static readonly DateTime FinishedInIndia = new(2026, 12, 1, 1, 47, 0);
    private static readonly DateOnly November = new(2026, 11, 1);

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public InvoiceRunHistoryTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddScoped(_ => new UserDisplay(India));
    }

    /// <summary>The cultures of the shell.</summary>
    public static TheoryData<string> Cultures => ["en-GB", "en-US", "en-IN", "ta-IN", "kn-IN", "gu-IN", "ur-PK", "ka-GE"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void History_StartAndEndOfARun_AreShownInTheUsersTimeZoneAndCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        var history = RenderIn(culture);

        Assert.Equal(StartedInIndia.ToString("g", culture), history.Find("[data-testid=invoicing-run-started]").TextContent);
        Assert.Equal(FinishedInIndia.ToString("g", culture), history.Find("[data-testid=invoicing-run-finished]").TextContent);
        Assert.DoesNotContain(StartedUtc.UtcDateTime.ToString("g", culture), history.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void History_MonthAndAmounts_AreInTheUsersCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        var history = RenderIn(culture);

        Assert.Equal(November.ToString("Y", culture), history.Find("[data-testid=invoicing-run-month]").TextContent);
        Assert.Equal(MoneyFormat.Format(123456.5m, "INR", culture), history.Find("[data-testid=invoicing-run-draft-gross]").TextContent);
    }

    [Theory]
    [InlineData("ta-IN", "நிறைவடைந்தது")]
    [InlineData("ur-PK", "مکمل شدہ")]
    [InlineData("ka-GE", "დასრულებული")]
    public void History_TheRunsState_IsInTheUsersLanguage(string name, string completed)
    {
        var history = RenderIn(CultureInfo.GetCultureInfo(name));

        Assert.Equal(completed, history.Find("[data-testid=invoicing-run-status]").TextContent);
    }

    [Fact]
    public void History_AMonthRunAgainThatEndsBetweenTwoLooks_TellsScreenReadersTheNewRunsEnd()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        var openedAt = StartedUtc.AddHours(1);
        var history = Render<InvoiceRunHistory>(p => p.Add(h => h.Runs, [Run(StartedUtc)]).Add(h => h.Shown, November)
            .Add(h => h.Drafts, []).Add(h => h.FollowedSince, openedAt));
        Assert.Equal("", history.Find("[data-testid=work-progress-status]").TextContent);

        // The month is run again from this page, on the same row, and has finished by the page's next look.
        history.Render(p => p.Add(h => h.Runs, [Run(openedAt.AddMinutes(1))]));

        Assert.Equal("The run of November 2026 is finished: 1 drafts made, 0 customers skipped.",
            history.Find("[data-testid=work-progress-status]").TextContent);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's services can only be disposed asynchronously.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await DisposeAsync();
    }

    [Theory]
    [InlineData("en-GB", "E-mailed when issued")]
    [InlineData("ur-PK", "جاری ہوتے ہی ای میل کی جاتی ہیں")]
    public void History_ARunThatSendsOnIssue_SaysSoUnderItsMonth(string name, string sends)
    {
        var history = RenderIn(CultureInfo.GetCultureInfo(name), sendOnIssue: true);

        Assert.Equal(sends, history.Find("[data-testid=invoicing-run-sends]").TextContent);
    }

    [Fact]
    public void History_ARunThatDoesNotSend_SaysNothingOfSending()
    {
        var history = RenderIn(CultureInfo.GetCultureInfo("en-GB"));

        Assert.Empty(history.FindAll("[data-testid=invoicing-run-sends]"));
    }

    private IRenderedComponent<InvoiceRunHistory> RenderIn(CultureInfo culture, bool sendOnIssue = false)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var run = new InvoiceRun
        {
            Id = 1,
            PeriodStart = November,
            Status = InvoiceRunStatus.Completed,
            Total = 1,
            Done = 1,
            Drafted = 1,
            StartedAt = StartedUtc,
            FinishedAt = StartedUtc.AddMinutes(2),
            SendOnIssue = sendOnIssue,
        };
        var draft = new InvoiceListItem(7, InvoiceKind.Invoice, InvoiceStatus.Draft, null, 4, "சென்னை மென்பொருள் சேவைகள்", "INR", new DateOnly(2026, 11, 30), null, 104624.15m, 18832.35m, 123456.5m, 123456.5m);
        return Render<InvoiceRunHistory>(p => p.Add(h => h.Runs, [run]).Add(h => h.Shown, November).Add(h => h.Drafts, [draft]));
    }

    private static InvoiceRun Run(DateTimeOffset startedAt) => new()
    {
        Id = 1,
        PeriodStart = November,
        Status = InvoiceRunStatus.Completed,
        Total = 1,
        Done = 1,
        Drafted = 1,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddMinutes(2),
    };
}
