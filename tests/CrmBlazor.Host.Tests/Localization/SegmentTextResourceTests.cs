using System.Xml.Linq;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// The segment pages look some texts up at run time rather than through a literal <c>L["..."]</c>:
/// the core fields' titles and the names of the comparisons. Each must have a resource, or it shows
/// in English whatever the language (<c>python3 tools/sync-resources.py</c> collects them).
/// </summary>
public sealed class SegmentTextResourceTests
{
    private static readonly Lazy<HashSet<string>> ResourceKeys = new(() =>
        XDocument.Load(Path.Combine(RepositoryFiles.HostProject, "Resources", "SharedResource.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal));

    private static readonly IReadOnlyList<SegmentField> CoreFields = SegmentFields.All(new CatalogBuilder().WithCoreModule().Build());

    [Fact]
    public void CoreFieldTitlesAndChoices_AllHaveAResource()
    {
        var texts = CoreFields.Select(f => f.Title).Concat(CoreFields.SelectMany(f => f.Choices ?? []));
        var missing = texts.Where(t => !ResourceKeys.Value.Contains(t)).ToList();

        Assert.Equal([], missing);
    }

    [Fact]
    public void ComparisonNames_OfEveryFieldType_AllHaveAResource()
    {
        var names = CoreFields.SelectMany(f => f.Operators.Select(op => SegmentText.Operator(f.Type, op))).Distinct();
        var missing = names.Where(n => !ResourceKeys.Value.Contains(n)).ToList();

        Assert.Equal([], missing);
    }
}
