using System.Diagnostics;
using System.IO.Compression;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.PluginKit;

/// <summary>
/// The plugin kit as a firm's developer uses it, outside this repository: in an empty temporary folder,
/// with the packages of tools/pack.sh as the only CrmBlazor source (the machine's NuGet cache serves
/// the public packages), `dotnet new crm-plugin -n Acme.Tickets`, a migration for both providers, a
/// build, the generated tests, the archive; then the archive uploaded on the plugins page of a running host and, after a restart, checked
/// in Chromium: the page, the menu entry, the table, the recurring job, and a user without the permission refused.
/// In the end-to-end collection, so that its builds do not run beside the other browser tests and slow them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PluginKitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PluginId = "acme-tickets";
    private const string EntryTitle = "Printer on the second floor";
    private const string CustomerName = "காஞ்சிபுரம் பட்டு மாளிகை";

    private readonly string _root = Directory.CreateTempSubdirectory("crm-plugin-kit-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Template_FromAnEmptyFolder_BuildsTestsAndPacksAPluginThatTheHostRuns()
    {
        var repository = RepositoryRoot();
        var feed = Path.Combine(_root, "feed");
        var work = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;
        // Templates are installed for this test only, not for the machine's user.
        var templates = Path.Combine(_root, "templates");
        var cli = new CommandLine(new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // No build nodes left running behind the test.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // Packs the build `dotnet test` has just made instead of building everything again in Release.
            ["CRM_PACK_CONFIGURATION"] = "Debug",
        });
        var started = Stopwatch.StartNew();
        try
        {
            await cli.RunAsync(repository, "bash", "tools/pack.sh", feed);
            var sources = await ConfiguredSourcesAsync(cli, work);
            await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), NuGetConfig(feed, MachinePackagesFolder(), sources, Path.Combine(_root, "packages")));

            await cli.RunAsync(work, "dotnet", "new", "install", Path.Combine(repository, "templates", "crm-plugin"), "--debug:custom-hive", templates);
            await cli.RunAsync(work, "dotnet", "new", "crm-plugin", "-n", "Acme.Tickets", "--debug:custom-hive", templates);
            var plugin = Path.Combine(work, "Acme.Tickets");

            await cli.RunAsync(plugin, "bash", "add-migration.sh", "CheckModel");
            AssertEmptyMigrationForBothProviders(Path.Combine(plugin, "src", "Acme.Tickets", "Data", "Migrations"));

            await cli.RunAsync(plugin, "dotnet", "build");
            await cli.RunAsync(plugin, "dotnet", "test", "--no-build");
            await cli.RunAsync(plugin, "dotnet", "build", "src/Acme.Tickets", "-t:PluginArchive", "-c", "Release");
            var archive = Path.Combine(plugin, "src", "Acme.Tickets", "bin", "Release", $"{PluginId}-1.0.0.zip");
            AssertHoldsOnlyThePluginsOwnFiles(archive);

            await CheckInTheHostAsync(archive);
        }
        finally
        {
            output.WriteLine(string.Join(Environment.NewLine, cli.Log));
            output.WriteLine($"Total: {started.Elapsed.TotalSeconds:0} s");
        }
    }

    private async Task CheckInTheHostAsync(string archive)
    {
        // The host starts with no plugins of its own; the administrator installs the archive on the plugins page.
        var data = Directory.CreateDirectory(Path.Combine(_root, "host-data")).FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Crm:Admin:Email"] = EndToEndFixture.Admin.Email,
            ["Crm:Admin:Password"] = EndToEndFixture.Admin.Password,
            ["Plugins:Path"] = Directory.CreateDirectory(Path.Combine(_root, "host-plugins")).FullName,
        };

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = EndToEndFixture.ChromiumExecutable(),
            Headless = true,
            Args = EndToEndFixture.ChromiumArgs,
        });

        await using (var first = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, settings, data))
        await using (var browser = await OpenAsync(chromium, first, "plugin-kit-upload"))
        {
            await browser.SignInAsync(EndToEndFixture.Admin);
            var plugins = new PluginsAdminPage(browser.Page);
            await plugins.OpenAsync();
            await plugins.UploadAsync(archive);
            await Expect(plugins.UploadResult).ToContainTextAsync("is installed at the next start of the CRM.");
            await Expect(plugins.State(PluginId)).ToHaveTextAsync("Installed at the next start");
        }

        // The next start installs it.
        await using var host = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, settings, data);
        var staff = await HostUsers.CreateAsync(host, CrmRoles.Staff, "Kit Staff");
        var accountant = await HostUsers.CreateAsync(host, CrmRoles.Accountant, "Kit Accountant");

        string customerPath;
        await using (var browser = await OpenAsync(chromium, host, "plugin-kit-loaded"))
        {
            var shell = await browser.SignInAsync(EndToEndFixture.Admin);
            var plugins = new PluginsAdminPage(browser.Page);
            await plugins.OpenAsync();
            await Expect(plugins.State(PluginId)).ToHaveTextAsync("Loaded");

            // A customer for the plugin's entry to be about.
            await browser.Page.GotoAsync("/customers");
            await shell.WaitUntilInteractiveAsync();
            var dialog = await new CustomersPage(browser.Page).OpenNewCustomerAsync();
            await dialog.FillAsync(CustomerName, "office@kanchi-silks.example", "+91 44 2722 1234", "retainer", "காஞ்சிபுரம்", "IN");
            await dialog.SaveAsync();
            await new CustomerPage(browser.Page).ExpectShownAsync(CustomerName);
            customerPath = new Uri(browser.Page.Url).AbsolutePath;
        }

        // Staff hold the permission: the menu entry leads to the page, whose form writes to the plugin's table.
        // The page, empty and with an entry, and its customer tab pass axe's WCAG 2.2 AA rules as generated.
        await using (var browser = await OpenAsync(chromium, host, "plugin-kit-staff"))
        {
            var shell = await browser.SignInAsync(staff);
            await shell.OpenFromMenuAsync("Tickets");
            await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{PluginId}$"));
            await Expect(browser.Page.GetByTestId($"{PluginId}-heading")).ToHaveTextAsync("Tickets");
            await shell.WaitUntilInteractiveAsync();
            var violations = new List<string>(await AxeCheck.ViolationsAsync(browser.Page));
            await browser.Page.Locator($"input[data-testid={PluginId}-title]").FillAsync(EntryTitle);
            // The SDK's customer picker, searching the host's customers by a word of the name.
            await Pickers.ChooseAsync(browser.Page, browser.Page.Locator($"input[data-testid={PluginId}-customer], [data-testid={PluginId}-customer] input").First, "காஞ்சி", CustomerName);
            await browser.Page.GetByTestId($"{PluginId}-add").ClickAsync();
            await Expect(browser.Page.GetByTestId($"{PluginId}-grid")).ToContainTextAsync(EntryTitle);
            await Expect(browser.Page.GetByTestId($"{PluginId}-grid")).ToContainTextAsync(CustomerName);
            // The page's scoped CSS came with the archive (wwwroot/) and is served by the host.
            Assert.Equal("grid", await browser.Page.GetByTestId($"{PluginId}-form").EvaluateAsync<string>("e => getComputedStyle(e).display"));
            await browser.ScreenshotAsync("plugin-kit-page");
            Assert.Equal(1L, await HostDatabase.ScalarAsync(host, $"SELECT COUNT(*) FROM {PluginId.Replace('-', '_')}_entries WHERE \"Title\" = @p0", EntryTitle));
            // The page itself, once the shell's "Saved." snackbar has gone (the shell's colours are checked on its own pages).
            await Expect(browser.Page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
            violations.AddRange(await AxeCheck.ViolationsAsync(browser.Page));

            // The event published with the entry reaches the plugin's handler, which puts it on the customer's timeline;
            // the customer's tab lists the entry.
            await browser.Page.GotoAsync(customerPath);
            await shell.WaitUntilInteractiveAsync();
            var customer = new CustomerPage(browser.Page);
            await Expect(customer.TimelineItems.Filter(new() { HasText = EntryTitle })).ToHaveCountAsync(1);
            await customer.OpenTabAsync("Tickets");
            await Expect(browser.Page.GetByTestId($"{PluginId}-customer-tab")).ToContainTextAsync(EntryTitle);
            violations.AddRange(await AxeCheck.ViolationsAsync(browser.Page));
            AxeCheck.AssertNone(violations);
        }

        // The recurring job is registered with Hangfire under the plugin's id, on the schedule of its settings.
        await using (var browser = await OpenAsync(chromium, host, "plugin-kit-admin"))
        {
            await browser.SignInAsync(EndToEndFixture.Admin);
            await browser.Page.GotoAsync("/jobs/recurring");
            await Expect(browser.Page.Locator("body")).ToContainTextAsync($"{PluginId}:daily-summary");
            await Expect(browser.Page.Locator("body")).ToContainTextAsync("0 6 * * *");
        }

        // An accountant lacks the permission: no menu entry, and the page refuses them.
        await using (var browser = await OpenAsync(chromium, host, "plugin-kit-accountant"))
        {
            var shell = await browser.SignInAsync(accountant);
            await Expect(shell.MenuItem("Tickets")).ToHaveCountAsync(0);
            await browser.Page.GotoAsync($"/{PluginId}");
            await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
            await Expect(browser.Page.GetByTestId($"{PluginId}-heading")).ToHaveCountAsync(0);
        }
    }

    private async Task<BrowserSession> OpenAsync(IBrowser chromium, CrmHostProcess host, string name)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(60_000);
        return new BrowserSession(context, await context.NewPageAsync(), name, host, output);
    }

    private static void AssertEmptyMigrationForBothProviders(string migrations)
    {
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            var added = Directory.GetFiles(Path.Combine(migrations, provider), "*_CheckModel.cs");
            var migration = File.ReadAllText(Assert.Single(added));
            // The template's checked-in migrations and snapshots match its model: nothing to migrate.
            Assert.DoesNotContain("migrationBuilder.", migration, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.Combine(migrations, provider), $"TicketsDbContext{provider}ModelSnapshot.cs"));
        }
    }

    private static void AssertHoldsOnlyThePluginsOwnFiles(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        Assert.Contains("plugin.json", names);
        Assert.Contains("Acme.Tickets.dll", names);
        Assert.Contains("Acme.Tickets.deps.json", names);
        Assert.Contains("ta/Acme.Tickets.resources.dll", names);
        Assert.Contains("wwwroot/Acme.Tickets.bundle.scp.css", names);
        var assemblies = names.Where(n => n.EndsWith(".dll", StringComparison.Ordinal) && !n.EndsWith(".resources.dll", StringComparison.Ordinal));
        Assert.Equal(["Acme.Tickets.dll"], assemblies);
    }

    /// <summary>
    /// The nuget.config of the test's folder: CrmBlazor's packages from tools/pack.sh's output only; every
    /// other package from the machine's NuGet cache (read as a local source, so no download is needed for
    /// what restoring this repository fetched) or the sources the machine has configured. Packages are
    /// extracted into the test's own folder, so that a CrmBlazor package of the same version extracted
    /// earlier on this machine is never used.
    /// </summary>
    private static string NuGetConfig(string feed, string machinePackages, IReadOnlyList<string> configuredSources, string packages) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packages}" />
          </config>
          <packageSources>
            <add key="crmblazor-kit" value="{feed}" />
            <add key="machine-cache" value="{machinePackages}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="crmblazor-kit"><package pattern="CrmBlazor.*" /></packageSource>
            <packageSource key="machine-cache"><package pattern="*" /></packageSource>
        {string.Concat(configuredSources.Select(key => $"    <packageSource key=\"{key}\"><package pattern=\"*\" /></packageSource>{Environment.NewLine}"))}  </packageSourceMapping>
        </configuration>
        """;

    /// <summary>The names of the package sources the machine has configured and enabled.</summary>
    private static async Task<IReadOnlyList<string>> ConfiguredSourcesAsync(CommandLine cli, string directory)
    {
        // "  1.  nuget.org [Enabled]" followed by the source's address on the next line.
        var listed = await cli.RunAsync(directory, "dotnet", "nuget", "list", "source", "--format", "Detailed");
        return [.. System.Text.RegularExpressions.Regex.Matches(listed, @"^\s*\d+\.\s+(?<name>.+?)\s+\[Enabled\]\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups["name"].Value)];
    }

    /// <summary>The machine's NuGet cache, where restoring this repository put the public packages the plugin uses.</summary>
    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "pack.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds tools/pack.sh.");
    }
}
