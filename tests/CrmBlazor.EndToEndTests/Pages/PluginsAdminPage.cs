using Microsoft.Playwright;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The plugins page (/admin/plugins): the plugins with their states, and the upload of plugin archives.</summary>
/// <param name="page">The browser page.</param>
public sealed class PluginsAdminPage(IPage page)
{
    /// <summary>The page's address.</summary>
    public const string Address = "/admin/plugins";

    /// <summary>What became of the last upload: installed at the next start, or refused with the reason.</summary>
    public ILocator UploadResult => page.GetByTestId("plugin-upload-result");

    /// <summary>A plugin's row (its name and id).</summary>
    /// <param name="id">The plugin id.</param>
    public ILocator Row(string id) => page.GetByTestId("plugin-" + id);

    /// <summary>A plugin's state chip.</summary>
    /// <param name="id">The plugin id.</param>
    public ILocator State(string id) => page.GetByTestId("plugin-state-" + id);

    /// <summary>The confirmation dialog of a removal or purge.</summary>
    public ILocator Dialog => page.Locator(".mud-dialog");

    /// <summary>A plugin's "Remove" button (uploaded plugins only).</summary>
    /// <param name="id">The plugin id.</param>
    public ILocator Remove(string id) => page.GetByTestId("plugin-remove-" + id);

    /// <summary>A plugin's "Purge data" button (plugins not loaded that left tables).</summary>
    /// <param name="id">The plugin id.</param>
    public ILocator Purge(string id) => page.GetByTestId("plugin-purge-" + id);

    /// <summary>Confirms the open dialog with its button of this text.</summary>
    /// <param name="button">The button's text, e.g. "Remove".</param>
    public Task ConfirmAsync(string button) => Dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>Opens the page and waits until it runs interactively.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync(Address);
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Uploads a file as the administrator would choose it in the file dialog.</summary>
    /// <param name="path">The file.</param>
    public Task UploadAsync(string path) => page.GetByTestId("plugin-archive-input").SetInputFilesAsync(path);
}
