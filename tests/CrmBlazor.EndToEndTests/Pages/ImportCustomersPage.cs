using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The customer import page (/customers/import): upload, column mapping, preview and errors, import.</summary>
/// <param name="page">The browser page.</param>
public sealed class ImportCustomersPage(IPage page)
{
    /// <summary>The page's address.</summary>
    public const string Address = "/customers/import";

    /// <summary>The message that the file has rows with errors.</summary>
    public ILocator Invalid => page.GetByTestId("import-invalid");

    /// <summary>The message that every row is correct.</summary>
    public ILocator Valid => page.GetByTestId("import-valid");

    /// <summary>The row numbers listed with errors, one per error.</summary>
    public ILocator ErrorRows => page.GetByTestId("import-error-row");

    /// <summary>The error messages, one per error.</summary>
    public ILocator ErrorMessages => page.GetByTestId("import-error-message");

    /// <summary>The import button.</summary>
    public ILocator Start => page.GetByTestId("import-start");

    /// <summary>The summary shown after the import.</summary>
    public ILocator Done => page.GetByTestId("import-done");

    /// <summary>The link to the imported customers.</summary>
    public ILocator ShowImported => page.GetByTestId("import-show");

    /// <summary>Asserts that the browser shows this page, ready for a file.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(new Uri(new Uri(page.Url), Address).ToString());
        await Expect(page.GetByTestId("import-choose")).ToBeEnabledAsync();
    }

    /// <summary>Chooses a CSV file with the given text, as the file picker would.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="csv">The file's text (saved as UTF-8 with a byte order mark).</param>
    public Task UploadAsync(string name, string csv) =>
        // MudFileUpload renders more than one file input; it listens to the last.
        page.Locator("input[type='file']").Last.SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        });
}
