using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The fixture plugin's page (/fixture-alpha): a banner with greeting and image, and a notes form.</summary>
/// <param name="page">The browser page.</param>
public sealed class FixtureNotesPage(IPage page)
{
    /// <summary>The page's address.</summary>
    public const string Address = "/fixture-alpha";

    /// <summary>The banner, styled by the plugin's scoped CSS.</summary>
    public ILocator Banner => page.GetByTestId("alpha-banner");

    /// <summary>The greeting from the plugin's settings.</summary>
    public ILocator Greeting => page.GetByTestId("alpha-greeting");

    /// <summary>The image from the plugin's wwwroot.</summary>
    public ILocator Image => page.GetByTestId("alpha-image");

    /// <summary>The listed notes.</summary>
    public ILocator Notes => page.GetByTestId("alpha-notes").Locator("li");

    /// <summary>Asserts that the browser shows this page.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page).ToHaveURLAsync(new Uri(new Uri(page.Url), Address).ToString());
        await Expect(Banner).ToBeVisibleAsync();
    }

    /// <summary>The banner's inline-start border colour as the browser computed it, e.g. rgb(12, 34, 56).</summary>
    public Task<string> BannerBorderColourAsync() =>
        Banner.EvaluateAsync<string>("banner => getComputedStyle(banner).borderInlineStartColor");

    /// <summary>Waits until the image has loaded or failed, and says whether it loaded with a size.</summary>
    public Task<bool> ImageLoadedAsync() =>
        Image.EvaluateAsync<bool>("""
            image => image.complete
                ? image.naturalWidth > 0
                : new Promise(done => {
                    image.addEventListener('load', () => done(image.naturalWidth > 0), { once: true });
                    image.addEventListener('error', () => done(false), { once: true });
                })
            """);

    /// <summary>Adds a note through the form.</summary>
    /// <param name="text">The note.</param>
    public async Task AddNoteAsync(string text)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Note", Exact = true }).FillAsync(text);
        await page.GetByTestId("alpha-add").ClickAsync();
    }
}
