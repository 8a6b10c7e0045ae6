using System.Collections.Concurrent;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// One test's browser: its own cookies and a page. Keeps a screenshot of where the test ended
/// (screenshots/last/&lt;test&gt;.png) and writes the page's errors and the host's recent output to
/// the test's output, so a failing test shows what the browser showed and what the host said.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
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
    }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The host under test.</summary>
    public CrmHostProcess Host { get; }

    /// <summary>Errors the page wrote to the browser console or threw, in order.</summary>
    public IReadOnlyCollection<string> BrowserErrors => _browserErrors;

    /// <summary>The sign-in page, opened.</summary>
    public async Task<SignInPage> OpenSignInAsync()
    {
        var signIn = new SignInPage(Page);
        await signIn.OpenAsync();
        return signIn;
    }

    /// <summary>Signs in through the form as <paramref name="user"/> and returns the shell (dashboard), ready for clicks.</summary>
    /// <param name="user">Who signs in.</param>
    public async Task<Shell> SignInAsync(Credentials user)
    {
        var signIn = await OpenSignInAsync();
        await signIn.SubmitAsync(user.Email, user.Password);
        var shell = new Shell(Page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
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
