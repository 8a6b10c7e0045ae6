using System.Net;
using System.Text.RegularExpressions;

namespace CrmBlazor.Testing;

/// <summary>
/// What a test needs to read from a prerendered page: the text of elements marked with
/// <c>data-testid</c>, links and style sheets. Deliberately small: pages are checked for what a user
/// would see, not for their markup.
/// </summary>
public sealed partial class HtmlPage
{
    private HtmlPage(string html)
    {
        Html = html;
    }

    /// <summary>The page's HTML.</summary>
    public string Html { get; }

    /// <summary>The hrefs of all links (<c>a</c> elements), decoded.</summary>
    public IReadOnlyList<string> Links => [.. Anchor().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))];

    /// <summary>The hrefs of all style sheets linked in the page, decoded.</summary>
    public IReadOnlyList<string> StyleSheets => [.. StyleSheet().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value))];

    /// <summary>Reads the body of a response as a page.</summary>
    /// <param name="response">The response.</param>
    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new HtmlPage(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads a page.</summary>
    /// <param name="html">The HTML.</param>
    public static HtmlPage Parse(string html) => new(html);

    /// <summary>Whether an element with the test id is on the page.</summary>
    /// <param name="testId">The <c>data-testid</c> value.</param>
    public bool Has(string testId) => Html.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal);

    /// <summary>The text inside the first element with the test id, tags removed, entities decoded and white space collapsed.</summary>
    /// <param name="testId">The <c>data-testid</c> value.</param>
    /// <exception cref="InvalidOperationException">No element has the test id.</exception>
    public string TextOf(string testId)
    {
        var start = Regex.Match(Html, $"<(?<tag>[a-zA-Z0-9-]+)\\b[^>]*\\bdata-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        if (!start.Success)
        {
            throw new InvalidOperationException($"The page has no element with data-testid=\"{testId}\".");
        }

        // Finds the matching end tag, counting nested elements of the same name.
        var tag = start.Groups["tag"].Value;
        var tags = new Regex($"<(?<end>/)?{Regex.Escape(tag)}\\b[^>]*>", RegexOptions.IgnoreCase);
        var depth = 1;
        var position = start.Index + start.Length;
        var contentEnd = Html.Length;
        for (var next = tags.Match(Html, position); next.Success; next = next.NextMatch())
        {
            depth += next.Groups["end"].Success ? -1 : next.Value.EndsWith("/>", StringComparison.Ordinal) ? 0 : 1;
            if (depth == 0)
            {
                contentEnd = next.Index;
                break;
            }
        }

        var inner = Html[position..contentEnd];
        var text = WebUtility.HtmlDecode(AnyTag().Replace(inner, " "));
        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <inheritdoc />
    public override string ToString() => Html;

    [GeneratedRegex("""<a\b[^>]*\bhref="(?<href>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex("""<link\b(?=[^>]*\brel="stylesheet")[^>]*\bhref="(?<href>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex StyleSheet();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
