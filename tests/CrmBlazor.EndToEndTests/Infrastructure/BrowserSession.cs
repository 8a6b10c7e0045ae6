using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// One test's browser: its own cookies and a page. Keeps a screenshot of where the test ended
/// (screenshots/last/&lt;test&gt;.png) and writes the page's errors and the host's recent output to
/// the test's output, so a failing test shows what the browser showed and what the host said.
/// Every page the test shows is checked with axe (<see cref="CheckShownPageAsync"/>).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    // The session of each page, so that page objects, which know only the page, can have it checked.
    private static readonly ConditionalWeakTable<IPage, BrowserSession> Sessions = new();

    private readonly HashSet<string> _checkedPages = [];
    private readonly IBrowserContext _context;
    private readonly string _testName;
    private readonly ConcurrentQueue<string> _browserErrors = new();
    private readonly ITestOutputHelper _output;

    internal BrowserSession(IBrowserContext context, IPage page, string testName, CrmHostProcess host, ITestOutputHelper output)
    {
        _output = output;
        _context = context;
        _testName = testName;
        Page = page;
        Host = host;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _browserErrors.Enqueue($"page error: {error}");
        Sessions.AddOrUpdate(page, this);
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The host under test.</summary>
    public CrmHostProcess Host { get; }

    /// <summary>
    /// Whether <see cref="CheckShownPageAsync"/> checks this session's pages (true). Only a test that runs
    /// axe itself, to collect the violations of many pages into one report, or one that arranges records
    /// for other tests, turns it off.
    /// </summary>
    public bool ChecksShownPages { get; set; } = true;

    /// <summary>Errors the page wrote to the browser console or threw, in order.</summary>
    public IReadOnlyCollection<string> BrowserErrors => _browserErrors;

    /// <summary>The sign-in page, opened.</summary>
    public async Task<SignInPage> OpenSignInAsync()
    {
        var signIn = new SignInPage(Page);
        await signIn.OpenAsync();
        return signIn;
    }

    /// <summary>
    /// Signs in through the form as <paramref name="user"/> and returns the shell (dashboard), ready for clicks.
    /// The account starts in the browser's language (English): a language an earlier test chose for it is forgotten.
    /// </summary>
    /// <param name="user">Who signs in.</param>
    public async Task<Shell> SignInAsync(Credentials user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await HostUsers.ForgetLanguageAsync(Host, user.Email);
        var signIn = await OpenSignInAsync();
        await signIn.SubmitAsync(user.Email, user.Password);
        var shell = new Shell(Page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }

    /// <summary>
    /// Runs axe on what <paramref name="page"/> shows now and fails the test on any WCAG 2.2 AA violation,
    /// once per address and language in a session (a page seen again costs nothing). Page objects call
    /// it once a page is shown and interactive (<see cref="Shell.WaitUntilInteractiveAsync"/>), so every
    /// end-to-end test checks the pages it visits.
    /// </summary>
    /// <param name="page">A page of a session opened by <see cref="EndToEndFixture"/>; other pages are left alone.</param>
    public static async Task CheckShownPageAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Sessions.TryGetValue(page, out var session) && session.ChecksShownPages)
        {
            var language = await page.EvaluateAsync<string>("() => document.documentElement.lang");
            if (session._checkedPages.Add($"{new Uri(page.Url).AbsolutePath} {language}"))
            {
                await AxeCheck.AssertCleanAsync(page);
            }
        }
    }

    /// <summary>Saves a full-page screenshot as screenshots/&lt;name&gt;.png.</summary>
    /// <param name="name">The file name without extension.</param>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(EndToEndFixture.ArtifactsDirectory, name + ".png"), FullPage = true });

    /// <summary>What a failure message needs: the page's address, browser errors and the host's recent output.</summary>
    public string Diagnostics() =>
        $"Page: {Page.Url}{Environment.NewLine}Browser errors:{Environment.NewLine}{string.Join(Environment.NewLine, _browserErrors)}" +
        $"{Environment.NewLine}Host output:{Environment.NewLine}{Host.RecentOutput}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _output.WriteLine(Diagnostics());
        try
        {
            var last = Directory.CreateDirectory(Path.Combine(EndToEndFixture.ArtifactsDirectory, "last")).FullName;
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(last, _testName + ".png"), FullPage = true, Timeout = 5_000 });
            await File.WriteAllTextAsync(Path.Combine(last, _testName + ".txt"), Diagnostics());
        }
        catch (PlaywrightException)
        {
            // The page is gone; the test's own failure says why.
        }
        finally
        {
            await _context.CloseAsync();
        }
    }
}
