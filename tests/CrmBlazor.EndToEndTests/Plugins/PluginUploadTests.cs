using System.IO.Compression;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Plugins;

/// <summary>
/// An administrator installs a plugin by uploading its archive on the plugins page: a file that is not a
/// plugin archive or is over the size limit is refused with the reason; the plugin's archive is accepted, and after a restart the
/// plugin is loaded and its page works. Removed after confirmation, it is gone at the next restart, where
/// its tables remain until the administrator purges them, again after a confirmation naming them. The test
/// runs a host of its own, with an empty plugins folder, so that it can restart it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PluginUploadTests(EndToEndFixture app, ITestOutputHelper output)
{
    private const string PluginId = "fixture-alpha";

    [Fact]
    public async Task PluginArchive_UploadedOnThePluginsPage_IsLoadedAfterARestartWithItsPage()
    {
        var work = Directory.CreateTempSubdirectory("crm-e2e-upload-").FullName;
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(work, "data")).FullName;
            var settings = new Dictionary<string, string?>
            {
                ["Crm:Admin:Email"] = EndToEndFixture.Admin.Email,
                ["Crm:Admin:Password"] = EndToEndFixture.Admin.Password,
                ["Plugins:Path"] = Directory.CreateDirectory(Path.Combine(work, "no-plugins")).FullName,
                ["Plugins:fixture-alpha:Greeting"] = EndToEndFixture.Greeting,
                // 1 MB, so that a file over the limit is cheap to make; the fixture plugin's archive is far smaller.
                ["Plugins:MaxArchiveBytes"] = "1048576",
            };
            // The fixture plugin's own files, as the build copies them into a plugins folder, zipped.
            var archive = Path.Combine(work, "fixture-alpha.zip");
            ZipFile.CreateFromDirectory(Path.Combine(AppContext.BaseDirectory, "e2e-plugins", "CrmBlazor.Fixtures.Alpha"), archive);
            var notAnArchive = Path.Combine(work, "notes.zip");
            await File.WriteAllTextAsync(notAnArchive, "These are notes, not a plugin.");
            var tooLarge = Path.Combine(work, "too-large.zip");
            await File.WriteAllBytesAsync(tooLarge, new byte[3 * 1024 * 1024]);

            await using (var first = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, settings, data))
            {
                await using var browser = await app.OpenBrowserAsync(nameof(PluginArchive_UploadedOnThePluginsPage_IsLoadedAfterARestartWithItsPage), output, first);
                await browser.SignInAsync(EndToEndFixture.Admin);
                var plugins = new PluginsAdminPage(browser.Page);
                await plugins.OpenAsync();

                // Refused without reading it; the circuit lives on (the next uploads are answered).
                await plugins.UploadAsync(tooLarge);
                await Expect(plugins.UploadResult).ToHaveTextAsync("The archive was refused: The archive is larger than 1 MB, the most this CRM accepts.");

                await plugins.UploadAsync(notAnArchive);
                await Expect(plugins.UploadResult).ToHaveTextAsync("The archive was refused: The file is not a zip archive, or it is damaged.");
                await browser.ScreenshotAsync("plugin-upload-refused");

                await plugins.UploadAsync(archive);
                await Expect(plugins.UploadResult).ToHaveTextAsync("Fixture Alpha 1.2.0 is installed at the next start of the CRM.");
                await Expect(plugins.State(PluginId)).ToHaveTextAsync("Installed at the next start");
                await browser.ScreenshotAsync("plugin-upload-accepted");
            }

            await using (var second = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, settings, data))
            {
                await using var browser = await app.OpenBrowserAsync(nameof(PluginArchive_UploadedOnThePluginsPage_IsLoadedAfterARestartWithItsPage) + "-restarted", output, second);
                await browser.SignInAsync(EndToEndFixture.Admin);
                var plugins = new PluginsAdminPage(browser.Page);
                await plugins.OpenAsync();
                await Expect(plugins.State(PluginId)).ToHaveTextAsync("Loaded");
                await browser.ScreenshotAsync("plugin-upload-loaded");

                await browser.Page.GotoAsync(FixtureNotesPage.Address);
                var page = new FixtureNotesPage(browser.Page);
                await page.ExpectShownAsync();
                await Expect(page.Greeting).ToHaveTextAsync(EndToEndFixture.Greeting);

                await plugins.OpenAsync();
                await plugins.Remove(PluginId).ClickAsync();
                await Expect(plugins.Dialog).ToContainTextAsync("Remove Fixture Alpha?");
                await plugins.ConfirmAsync("Remove");
                await Expect(plugins.Row(PluginId).Locator("..")).ToContainTextAsync("Removed at the next start");
            }

            await using (var third = await CrmHostProcess.StartAsync(EndToEndFixture.HostAssembly, settings, data))
            {
                await using var browser = await app.OpenBrowserAsync(nameof(PluginArchive_UploadedOnThePluginsPage_IsLoadedAfterARestartWithItsPage) + "-removed", output, third);
                await browser.SignInAsync(EndToEndFixture.Admin);
                var plugins = new PluginsAdminPage(browser.Page);
                await plugins.OpenAsync();
                await Expect(plugins.State(PluginId)).ToHaveTextAsync("Not installed");

                await plugins.Purge(PluginId).ClickAsync();
                await Expect(plugins.Dialog).ToContainTextAsync("fixture_alpha_notes");
                await browser.ScreenshotAsync("plugin-purge-confirmation");
                await plugins.ConfirmAsync("Purge data");
                await Expect(plugins.Row(PluginId)).ToHaveCountAsync(0);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
