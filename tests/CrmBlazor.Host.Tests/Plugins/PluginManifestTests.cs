using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using NuGet.Versioning;

namespace CrmBlazor.Host.Tests.Plugins;

public sealed class PluginManifestTests : IDisposable
{
    private readonly PluginsFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Read_ValidManifest_GivesEveryField()
    {
        var folder = _plugins.AddManifestText("projects", """
            {
              // comments and trailing commas are allowed
              "id": "projects",
              "name": "Projects and time",
              "version": "1.2.3-beta.1",
              "sdk": "[1.0,2.0)",
              "assembly": "CrmBlazor.Plugins.Projects.dll",
              "dependsOn": { "ledger": "[2.1,3.0)" },
            }
            """);

        var manifest = PluginManifest.Read(folder);

        Assert.Equal("projects", manifest.Id);
        Assert.Equal("Projects and time", manifest.Name);
        Assert.Equal(NuGetVersion.Parse("1.2.3-beta.1"), manifest.Version);
        Assert.Equal(VersionRange.Parse("[1.0,2.0)"), manifest.Sdk);
        Assert.Equal("CrmBlazor.Plugins.Projects.dll", manifest.Assembly);
        var dependency = Assert.Single(manifest.DependsOn);
        Assert.Equal("ledger", dependency.Key);
        Assert.Equal(VersionRange.Parse("[2.1,3.0)"), dependency.Value);
    }

    [Fact]
    public void Read_ManifestWithoutName_UsesTheIdAsName()
    {
        var folder = _plugins.AddManifestText("surveys", """{ "id": "surveys", "version": "1.0.0", "sdk": "[1.0,2.0)", "assembly": "Surveys.dll" }""");

        var manifest = PluginManifest.Read(folder);

        Assert.Equal("surveys", manifest.Name);
        Assert.Empty(manifest.DependsOn);
    }

    [Fact]
    public void Read_FolderWithoutManifest_SaysTheFileIsMissing()
    {
        var folder = _plugins.AddEmptyFolder("empty");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The folder has no plugin.json.", error.Message);
    }

    [Fact]
    public void Read_InvalidJson_SaysItIsNotValidJson()
    {
        var folder = _plugins.AddManifestText("broken", """{ "id": "broken", """);

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.StartsWith("plugin.json is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonNull_SaysTheManifestIsEmpty()
    {
        var folder = _plugins.AddManifestText("nothing", "null");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("plugin.json is empty.", error.Message);
    }

    [Theory]
    [InlineData("Projects")]
    [InlineData("p")]
    [InlineData("1projects")]
    [InlineData("projects_time")]
    [InlineData("a-plugin-id-that-is-far-longer-than-forty-chars")]
    public void Read_MalformedId_ExplainsTheIdRules(string id)
    {
        var folder = _plugins.Add(new PluginSpec(id) { Folder = "plugin" });

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal($"The id '{id}' is invalid: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.", error.Message);
    }

    [Fact]
    public void Read_MissingId_ExplainsTheIdRules()
    {
        var folder = _plugins.AddManifestText("anonymous", """{ "version": "1.0.0", "sdk": "[1.0,2.0)", "assembly": "A.dll" }""");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The id '' is invalid: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.", error.Message);
    }

    [Theory]
    [InlineData("crm")]
    [InlineData("core")]
    [InlineData("host")]
    public void Read_ReservedId_SaysItIsReservedForTheHost(string id)
    {
        var folder = _plugins.Add(new PluginSpec(id));

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal($"The id '{id}' is reserved for the host.", error.Message);
    }

    [Fact]
    public void Read_VersionNotSemantic_SaysSo()
    {
        var folder = _plugins.Add(new PluginSpec("projects") { Version = "first" });

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The version 'first' is not a semantic version.", error.Message);
    }

    [Fact]
    public void Read_VersionMissing_SaysItIsNotASemanticVersion()
    {
        var folder = _plugins.AddManifestText("projects", """{ "id": "projects", "sdk": "[1.0,2.0)", "assembly": "A.dll" }""");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The version '' is not a semantic version.", error.Message);
    }

    [Fact]
    public void Read_SdkRangeMissing_ShowsAnExampleRange()
    {
        var folder = _plugins.AddManifestText("projects", """{ "id": "projects", "version": "1.0.0", "assembly": "A.dll" }""");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The SDK range '' is not a version range such as \"[1.0,2.0)\".", error.Message);
    }

    [Fact]
    public void Read_FieldOfTheWrongType_SaysItIsNotValidJson()
    {
        var folder = _plugins.AddManifestText("projects", """{ "id": "projects", "version": 1, "sdk": "[1.0,2.0)", "assembly": "A.dll" }""");

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.StartsWith("plugin.json is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DependencyWithoutRange_NamesTheDependency()
    {
        var folder = _plugins.AddManifestText("invoicing", """
            { "id": "invoicing", "version": "1.0.0", "sdk": "[1.0,2.0)", "assembly": "A.dll", "dependsOn": { "projects": null } }
            """);

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The version range '' for dependency 'projects' is invalid.", error.Message);
    }

    [Fact]
    public void Read_SdkRangeMalformed_ShowsAnExampleRange()
    {
        var folder = _plugins.Add(new PluginSpec("projects") { Sdk = "one or two" });

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The SDK range 'one or two' is not a version range such as \"[1.0,2.0)\".", error.Message);
    }

    [Theory]
    [InlineData("bin/Acme.Plugin.dll")]
    [InlineData("..\\Acme.Plugin.dll")]
    [InlineData("")]
    public void Read_AssemblyNotAPlainFileName_AsksForTheFileName(string assembly)
    {
        var folder = _plugins.Add(new PluginSpec("projects") { Assembly = assembly });

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The manifest must name the plugin assembly file, e.g. \"assembly\": \"Acme.Plugin.dll\".", error.Message);
    }

    [Fact]
    public void Read_DependencyRangeMalformed_NamesTheDependency()
    {
        var folder = _plugins.Add(new PluginSpec("invoicing").DependingOn("projects", "latest"));

        var error = Assert.Throws<PluginManifestException>(() => PluginManifest.Read(folder));

        Assert.Equal("The version range 'latest' for dependency 'projects' is invalid.", error.Message);
    }
}
