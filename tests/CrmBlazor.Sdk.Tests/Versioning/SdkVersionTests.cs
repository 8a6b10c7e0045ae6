using System.Reflection;

namespace CrmBlazor.Sdk.Tests.Versioning;

/// <summary>
/// The SDK's version follows its public API (docs/decisions/0013-sdk-versioning.md). The build fails
/// when the API differs from the baseline (<c>PublicAPI.Shipped.txt</c>, the last release's API, plus
/// <c>PublicAPI.Unshipped.txt</c>, what changed since); these tests fail when the version does not say
/// what changed since the last release.
/// </summary>
public sealed class SdkVersionTests
{
    private const string RemovedMarker = "*REMOVED*";

    private static readonly IReadOnlyList<string> ChangedSinceRelease = ApiLines("PublicAPI.Unshipped.txt");

    private static Version Current => Normalized(CrmSdk.Version);

    private static Version Released => Normalized(Version.Parse(
        typeof(CrmSdk).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmSdkReleasedVersion").Value!));

    [Fact]
    public void Version_WithApiAddedSinceTheLastRelease_IsAtLeastTheNextMinorVersion()
    {
        var added = ChangedSinceRelease.Where(line => !line.StartsWith(RemovedMarker, StringComparison.Ordinal)).ToList();
        var lowest = added.Count > 0 ? new Version(Released.Major, Released.Minor + 1, 0) : Released;

        Assert.True(Current >= lowest,
            $"PublicAPI.Unshipped.txt adds {added.Count} member(s) to the API of release {Released} (e.g. '{added.FirstOrDefault()}'), "
            + $"so the SDK's <Version> in src/CrmBlazor.Sdk/CrmBlazor.Sdk.csproj must be {lowest} or later, not {Current}.");
    }

    [Fact]
    public void Version_WithApiRemovedOrChangedSinceTheLastRelease_IsAtLeastTheNextMajorVersion()
    {
        var removed = ChangedSinceRelease.Where(line => line.StartsWith(RemovedMarker, StringComparison.Ordinal)).ToList();
        var lowest = removed.Count > 0 ? new Version(Released.Major + 1, 0, 0) : Released;

        Assert.True(Current >= lowest,
            $"PublicAPI.Unshipped.txt removes {removed.Count} member(s) of release {Released} (e.g. '{removed.FirstOrDefault()}'), "
            + $"which breaks plugins built against it, so the SDK's <Version> in src/CrmBlazor.Sdk/CrmBlazor.Sdk.csproj must be {lowest} or later, not {Current}.");
    }

    [Fact]
    public void Version_IsNotBelowTheLastRelease()
    {
        Assert.True(Current >= Released, $"The SDK's version {Current} is below its last release {Released}.");
    }

    // The API lines of a baseline file, without the nullable marker and blank lines.
    private static List<string> ApiLines(string file) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "PublicAPI", file))
            .Where(line => line.Length > 0 && !line.StartsWith("#nullable", StringComparison.Ordinal))];

    private static Version Normalized(Version version) => new(version.Major, version.Minor, Math.Max(version.Build, 0));
}
