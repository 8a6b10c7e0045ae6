using CrmBlazor.EndToEndTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Localization;

/// <summary>The app bar's language picker: direction of the layout and translated plugin contributions.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LanguagePickerTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task LanguagePicker_ChoosingUrdu_LaysThePageOutRightToLeft()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(LanguagePicker_ChoosingUrdu_LaysThePageOutRightToLeft), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.ChooseLanguageAsync("ur-PK", "اردو");

        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        var menu = await shell.Menu.BoundingBoxAsync();
        Assert.True(menu is not null && menu.X > 1280 / 2, $"The menu drawer is not on the right in a right-to-left layout (x = {menu?.X}).");
        await browser.ScreenshotAsync("04-urdu-layout");
    }

    [Fact]
    public async Task LanguagePicker_ChoosingEnglishAfterUrdu_RestoresLeftToRight()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(LanguagePicker_ChoosingEnglishAfterUrdu_RestoresLeftToRight), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        await shell.ChooseLanguageAsync("ur-PK", "اردو");

        await shell.ChooseLanguageAsync("en-GB", "English (UK)");

        await Expect(shell.Document).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task LanguagePicker_ChoosingTamil_ShowsPluginMenuEntryInTamil()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(LanguagePicker_ChoosingTamil_ShowsPluginMenuEntryInTamil), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);

        await shell.ChooseLanguageAsync("ta-IN", "தமிழ்");

        await Expect(shell.MenuItem("சோதனைக் குறிப்புகள்")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("05-tamil-layout");
    }
}
