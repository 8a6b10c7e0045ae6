using System.Text.RegularExpressions;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Documentation;

/// <summary>
/// The README and the pages under docs/ name files and folders of the repository, in backticks, in
/// code blocks, in prose and as links. A name that no longer exists sends the reader nowhere, so every
/// one must exist. Build outputs (a <c>bin/</c> or <c>obj/</c> folder), patterns (<c>plugins/*/</c>) and
/// placeholders (<c>plugins/&lt;Name&gt;/</c>) are not checked.
/// </summary>
public sealed partial class RepositoryPathTests
{
    public static TheoryData<string> Documents =>
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_NamingPathsFromTheRepositoryRoot_NamesOnlyPathsThatExist(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.Root, document));

        var missing = RootPath().Matches(text)
            .Where(match => !IsPattern(text, match) && !BuildOutput().IsMatch(match.Value))
            .Select(match => match.Value.TrimEnd('.'))
            .Where(path => !Exists(Path.Combine(RepositoryFiles.Root, path)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{document} names paths that are not in the repository: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_LinkingToRepositoryFiles_LinksOnlyToFilesThatExist(string document)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryFiles.Root, document))!;

        var broken = Link().Matches(File.ReadAllText(Path.Combine(RepositoryFiles.Root, document)))
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.StartsWith('#') && !UriScheme().IsMatch(target))
            .Select(target => target.Split('#')[0])
            .Where(target => !Exists(Path.Combine(folder, Uri.UnescapeDataString(target))))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(broken.Count == 0, $"{document} links to files that are not in the repository: {string.Join(", ", broken)}");
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    // "plugins/*/*.csproj", "plugins/<Name>/", "Migrations/{Provider}": the match stops where the pattern begins.
    private static bool IsPattern(string text, Match match) =>
        match.Index + match.Length < text.Length && text[match.Index + match.Length] is '*' or '<' or '{';

    // A path starting at one of the repository's source folders, not inside another path or a URL.
    [GeneratedRegex(@"(?<![\w./-])(?:src|plugins|tests|tools|bench|build|docs|\.ci|\.config)/[\w./-]+")]
    private static partial Regex RootPath();

    [GeneratedRegex(@"/(bin|obj)(\.design)?(/|$)")]
    private static partial Regex BuildOutput();

    // A Markdown link's target: [text](target) or [text](target "title").
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex UriScheme();
}
