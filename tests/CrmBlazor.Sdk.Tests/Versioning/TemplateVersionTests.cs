using System.Text.Json;
using System.Xml.Linq;

namespace CrmBlazor.Sdk.Tests.Versioning;

/// <summary>
/// The crm-plugin template (templates/crm-plugin) is built against the packages of tools/pack.sh: its
/// versions must be the SDK's and the repository's, or a new plugin would not restore or not load.
/// </summary>
public sealed class TemplateVersionTests
{
    private static readonly XDocument RepositoryPackages = XDocument.Load(Versions("Repository.Packages.props"));
    private static readonly XDocument TemplatePackages = XDocument.Load(Versions("Template.Packages.props"));

    [Fact]
    public void TemplatePackages_CrmBlazorVersion_IsTheSdksVersion() =>
        Assert.Equal(CrmSdk.Version.ToString(3), Property(TemplatePackages, "CrmBlazorVersion"));

    [Theory]
    [InlineData("Microsoft.NET.Test.Sdk")]
    [InlineData("xunit")]
    [InlineData("xunit.runner.visualstudio")]
    public void TemplatePackages_TestPackage_HasTheRepositorysVersion(string package) =>
        Assert.Equal(Version(RepositoryPackages, package), Version(TemplatePackages, package));

    [Fact]
    public void TemplateTools_DotnetEf_HasTheRepositorysVersion() =>
        Assert.Equal(EfToolVersion("Repository.dotnet-tools.json"), EfToolVersion("Template.dotnet-tools.json"));

    [Fact]
    public void TemplateManifest_SdkRange_StartsAtTheSdksMinorVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Versions("Template.plugin.json")));

        Assert.Equal($"[{CrmSdk.Version.Major}.{CrmSdk.Version.Minor},{CrmSdk.Version.Major + 1}.0)", manifest.RootElement.GetProperty("sdk").GetString());
    }

    private static string Versions(string file) => Path.Combine(AppContext.BaseDirectory, "Versions", file);

    private static string Property(XDocument document, string name) =>
        document.Descendants(name).Single().Value;

    // A version written as $(Property) is read from the file's properties.
    private static string Version(XDocument document, string package)
    {
        var version = document.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == package).Attribute("Version")!.Value;
        return version.StartsWith("$(", StringComparison.Ordinal) ? Property(document, version[2..^1]) : version;
    }

    private static string? EfToolVersion(string file)
    {
        using var tools = JsonDocument.Parse(File.ReadAllText(Versions(file)));
        return tools.RootElement.GetProperty("tools").GetProperty("dotnet-ef").GetProperty("version").GetString();
    }
}
