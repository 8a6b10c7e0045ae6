using System.Collections;
using System.Resources;
using CrmBlazor.Host.Extensions;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// MudBlazor's own texts that users read (the grid pager's "Rows per page:", "1-25 of 77", "Loading")
/// come from the host's resources, so they are in the user's language like the rest of the page.
/// </summary>
public sealed class CrmMudLocalizerTests
{
    private static readonly string[] MudBlazorKeys = ReadMudBlazorKeys();

    [Fact]
    public void MappedKeys_AreAllKeysMudBlazorAsksFor()
    {
        // A key MudBlazor does not have (a typo, or renamed in a new version) would never be asked for.
        var mapped = MappedKeysIn(File.ReadAllText(Path.Combine(RepositoryFiles.HostProject, "Localization", "CrmMudLocalizer.cs")));

        Assert.NotEmpty(mapped);
        Assert.All(mapped, key => Assert.Contains(key, MudBlazorKeys));
    }

    [Fact]
    public void RowsPerPage_InTamil_IsTheTamilTextOfTheHostResources()
    {
        using var culture = CultureScope.Of("ta-IN");
        var localizer = UiServices().GetRequiredService<MudLocalizer>();

        var text = localizer["MudDataGridPager_RowsPerPage"];

        Assert.False(text.ResourceNotFound);
        Assert.Equal("ஒரு பக்கத்துக்கு வரிசைகள்:", text.Value);
    }

    [Fact]
    public void PagerInfo_InUrdu_ReadsTheRangeOfTheTotal_WithTheRangeIsolatedLeftToRight()
    {
        // After Urdu letters, digits are Arabic numbers to the bidirectional algorithm, and a hyphen
        // between Arabic numbers does not join them: "1-25" showed as "25-1". A left-to-right isolate
        // (U+2066 ... U+2069) keeps the range in order.
        using var culture = CultureScope.Of("ur-PK");
        var localizer = UiServices().GetRequiredService<MudLocalizer>();

        var text = localizer["MudDataGridPager_InfoFormat", 1, 25, 77].Value;

        Assert.Equal("77 میں سے \u20661-25\u2069", text);
    }

    [Fact]
    public void KeyNotMapped_IsNotFound_SoMudBlazorKeepsItsOwnText()
    {
        using var culture = CultureScope.Of("ka-GE");
        var localizer = UiServices().GetRequiredService<MudLocalizer>();

        Assert.True(localizer["MudColorPicker_AlphaSlider"].ResourceNotFound);
    }

    private static ServiceProvider UiServices()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.AddCrmUi();
        return builder.Services.BuildServiceProvider();
    }

    private static List<string> MappedKeysIn(string source) =>
        [.. System.Text.RegularExpressions.Regex.Matches(source, @"""(Mud\w+_\w+)""").Select(m => m.Groups[1].Value)];

    private static string[] ReadMudBlazorKeys()
    {
        var assembly = typeof(MudLocalizer).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        return [.. reader.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
    }
}

/// <summary>A MudBlazor data grid's pager, rendered in the user's language.</summary>
public sealed class CrmMudLocalizerPagerTests : CrmBlazor.Host.Tests.Components.ComponentTestContext
{
    public CrmMudLocalizerPagerTests()
    {
        Services.AddTransient<MudLocalizer, CrmMudLocalizer>();
    }

    [Fact]
    public void DataGridPager_InTamil_ShowsTamilLabelsAndTheRowRange()
    {
        using var culture = CultureScope.Of("ta-IN");

        var grid = Render<MudDataGrid<string>>(parameters => parameters
            .Add(g => g.Items, ["ஒன்று", "இரண்டு", "மூன்று"])
            .Add(g => g.PagerContent, builder =>
            {
                builder.OpenComponent<MudDataGridPager<string>>(0);
                builder.CloseComponent();
            }));

        Assert.Contains("ஒரு பக்கத்துக்கு வரிசைகள்:", grid.Markup, StringComparison.Ordinal);
        Assert.Contains("3 இல் 1-3", grid.Markup, StringComparison.Ordinal);
    }
}
