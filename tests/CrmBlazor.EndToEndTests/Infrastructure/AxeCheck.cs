using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CrmBlazor.EndToEndTests.Infrastructure;

/// <summary>
/// Runs axe-core in the page with the WCAG 2.0, 2.1 and 2.2 level A and AA rules and fails on any
/// violation, listing each one as rule, impact, target selector and page address, so a failure says
/// what to fix without opening the browser.
/// </summary>
public static partial class AxeCheck
{
    /// <summary>The axe tags checked: WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>The violations on the page as it is now, one line per element, empty when the page is clean.</summary>
    /// <param name="page">The page, loaded and interactive.</param>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(SettleAnimations);
        var result = await page.RunAxe(OutsideSandboxedFrames, new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return [.. result.Violations.SelectMany(rule => rule.Nodes.Select(node =>
            $"{rule.Id} ({rule.Impact}) at {node.Target} on {page.Url}: {rule.Help} — {Shorten(node.Html)}"))];
    }

    // A frame sandboxed without scripts (the outbox shows each e-mail message in one) runs no script, axe's
    // included: Playwright would wait for ever for the frame's script context. What it shows is the message as
    // its sender wrote it, not the CRM's page, so axe checks the page around it.
    private static readonly AxeRunContext OutsideSandboxedFrames = new() { Exclude = [new AxeSelector("iframe[sandbox]")] };

    // A dialog or a snackbar fading in is half transparent, and axe would measure the contrast of the fade: the
    // finite animations (not an indeterminate progress bar's endless one) are let finish first, for at most two seconds.
    private const string SettleAnimations = """
        () => Promise.race([
            Promise.all(document.getAnimations()
                .filter(a => a.effect?.getComputedTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null))),
            new Promise(resolve => setTimeout(resolve, 2000)),
        ])
        """;

    // Generated ids and Blazor's attributes make poor selectors: the element's opening tag (without Blazor's
    // _bl_ element references) says which one it is.
    private static string Shorten(string html)
    {
        html = BlazorReference().Replace(html, "");
        return html.Length <= 400 ? html : string.Concat(html.AsSpan(0, 400), "…");
    }

    [GeneratedRegex(@" _bl_[0-9a-f-]+=""""")]
    private static partial Regex BlazorReference();

    /// <summary>Fails with the list of violations when the page has any.</summary>
    /// <param name="page">The page, loaded and interactive.</param>
    public static async Task AssertCleanAsync(IPage page) => AssertNone(await ViolationsAsync(page));

    /// <summary>Fails with the list when <paramref name="violations"/> (collected over several pages) is not empty.</summary>
    /// <param name="violations">Lines from <see cref="ViolationsAsync"/>.</param>
    public static void AssertNone(IReadOnlyCollection<string> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count > 0)
        {
            var message = new StringBuilder($"axe found {violations.Count} WCAG 2.2 AA violation(s):");
            foreach (var violation in violations)
            {
                message.AppendLine().Append("  ").Append(violation);
            }

            Assert.Fail(message.ToString());
        }
    }
}
