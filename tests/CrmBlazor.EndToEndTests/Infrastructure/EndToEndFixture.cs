using System.Reflection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// One host and one headless Chromium shared by every end-to-end test; each test gets a browser
/// session of its own (fresh cookies) from <see cref="OpenBrowserAsync"/>.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    /// <summary>The administrator the host creates on its empty database.</summary>
    public static readonly Credentials Admin = new("e2e-admin@crm.test", "e2e correct horse battery");

    /// <summary>The fixture plugin's required setting, shown on its page.</summary>
    public const string Greeting = "Greetings from the end-to-end tests";

    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    // Generous, because the machine may be busy (2 cores shared with builds); a passing step takes a second or two.
    private const float StepTimeout = 30_000;
    private const float WarmUpTimeout = 120_000;

    private CrmHostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The running host.</summary>
    public CrmHostProcess Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Where screenshots go: $CRM_E2E_ARTIFACTS, or TestResults/screenshots in the test output.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("CRM_E2E_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = ChromiumExecutable();
        _host = await CrmHostProcess.StartAsync(HostAssembly, new Dictionary<string, string?>
        {
            ["Crm:Admin:Email"] = Admin.Email,
            ["Crm:Admin:Password"] = Admin.Password,
            ["Plugins:Path"] = Path.Combine(AppContext.BaseDirectory, "e2e-plugins"),
            ["Plugins:fixture-alpha:Greeting"] = Greeting,
            // Links the host mails (survey invitations) lead back to it, so that a test can follow them.
            ["Crm:PublicUrl"] = CrmHostProcess.AddressPlaceholder,
            // The webhook test's receiver listens on loopback.
            ["Webhooks:AllowPrivateTargets"] = "true",
        });
        try
        {
            _playwright = await Playwright.CreateAsync();
            Assertions.SetDefaultExpectTimeout(StepTimeout);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
            await WarmUpAsync();
        }
        catch
        {
            // Never leave the host running behind a failed start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new browser session (its own cookies) on the host, at no page yet.</summary>
    /// <param name="testName">Names the session's last screenshot.</param>
    /// <param name="output">Receives the session's diagnostics (shown when the test fails).</param>
    public Task<BrowserSession> OpenBrowserAsync(string testName, ITestOutputHelper output) => OpenBrowserAsync(testName, output, Host);

    /// <summary>A new browser session on a host a test started itself (e.g. to restart it), at no page yet.</summary>
    /// <param name="testName">Names the session's last screenshot.</param>
    /// <param name="output">Receives the session's diagnostics (shown when the test fails).</param>
    /// <param name="host">The host.</param>
    public Task<BrowserSession> OpenBrowserAsync(string testName, ITestOutputHelper output, CrmHostProcess host) => OpenBrowserAsync(testName, output, host, null);

    /// <summary>A new browser session on the shared host, its context set up differently (a phone's viewport, JavaScript off).</summary>
    /// <param name="testName">Names the session's last screenshot.</param>
    /// <param name="output">Receives the session's diagnostics (shown when the test fails).</param>
    /// <param name="configure">Changes the context's options.</param>
    public Task<BrowserSession> OpenBrowserAsync(string testName, ITestOutputHelper output, Action<BrowserNewContextOptions> configure) => OpenBrowserAsync(testName, output, Host, configure);

    private async Task<BrowserSession> OpenBrowserAsync(string testName, ITestOutputHelper output, CrmHostProcess host, Action<BrowserNewContextOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            // As some staff set their system: messages then appear and go without a fade, so that axe never
            // measures a message half faded out (finite animations that remain are let finish by AxeCheck).
            ReducedMotion = ReducedMotion.Reduce,
        };
        configure?.Invoke(options);
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout(StepTimeout);
        return new BrowserSession(context, await context.NewPageAsync(), testName, host, output);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }

    /// <summary>
    /// Signs in once and waits for the interactive dashboard, so that the host's first requests
    /// (compilation of pages and components, first database queries) are not timed as a test's steps.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.BaseAddress.ToString() });
        try
        {
            context.SetDefaultTimeout(WarmUpTimeout);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.GetByTestId("signin-email").FillAsync(Admin.Email);
            await page.GetByTestId("signin-password").FillAsync(Admin.Password);
            await page.GetByTestId("signin-submit").ClickAsync();
            await page.Locator("[data-interactive='true']").WaitForAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"Warming up failed: signing in as {Admin.Email} did not lead to the interactive dashboard. Host output:{Environment.NewLine}{Host.RecentOutput}", e);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>The host's CrmBlazor.Host.dll in its own build output, recorded by the build (see the project file, target ResolveCrmHost).</summary>
    public static string HostAssembly =>
        typeof(EndToEndFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "CrmHostAssembly")?.Value
            ?? throw new InvalidOperationException("The build did not record the host's assembly (target ResolveCrmHost in the project file).");

    internal static string ChromiumExecutable()
    {
        var path = Environment.GetEnvironmentVariable("CRM_E2E_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}'. The end-to-end tests drive the Debian package: `apt-get install chromium` " +
                "(tools/test.sh does), or point CRM_E2E_CHROMIUM at another Chromium executable.");
        }

        return path;
    }
}

/// <summary>An e-mail address and password to sign in with.</summary>
/// <param name="Email">The e-mail address.</param>
/// <param name="Password">The password.</param>
public sealed record Credentials(string Email, string Password);

/// <summary>The end-to-end tests share one host and one browser, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "End to end";
}
