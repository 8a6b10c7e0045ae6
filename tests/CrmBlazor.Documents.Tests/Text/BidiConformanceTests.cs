using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;
using Xunit.Abstractions;

namespace CrmBlazor.Documents.Tests.Text;

/// <summary>
/// The engine's bidirectional levels and reordering against the Unicode Consortium's conformance data
/// (BidiCharacterTest.txt of the Unicode version Debian ships in its unicode-data package).
/// </summary>
public class BidiConformanceTests(ITestOutputHelper output)
{
    private const string TestFile = "/usr/share/unicode/BidiCharacterTest.txt";

    [Fact]
    public void BidiLevels_BidiCharacterTest_ResolvesLevelsAndVisualOrderAsUnicodeSpecifies()
    {
        Assert.True(File.Exists(TestFile), $"{TestFile} is missing: apt-get install unicode-data (tools/test.sh does).");
        var cases = 0;
        var failures = new List<string>();
        foreach (var line in File.ReadLines(TestFile))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            cases++;
            var problem = Check(BidiCase.Parse(line));
            if (problem is not null)
            {
                failures.Add($"{line} -> {problem}");
            }
        }

        var passRate = (cases - failures.Count) / (double)cases;
        output.WriteLine($"BidiCharacterTest.txt: {cases - failures.Count} of {cases} cases pass ({passRate:P3}).");
        foreach (var failure in failures)
        {
            output.WriteLine(failure.Length > 200 ? failure[..200] + "…" : failure);
        }

        Assert.True(cases > 90_000, $"Only {cases} cases were read from {TestFile}.");

        // ICU 72 differs from the reference in about twenty cases that nest explicit embeddings or
        // overrides (U+202A..U+202E) around bracket pairs, and in one with more than 63 nested bracket
        // pairs (the limit of rule BD16); names, addresses and invoice lines have neither. Every other
        // case must pass.
        Assert.All(failures, failure => Assert.True(
            Regex.IsMatch(failure, "^[^;]*\\b202[A-E]\\b") || Regex.Count(failure.Split(';')[0], "0028") > 63,
            failure));
        Assert.True(passRate >= 0.999, $"Pass rate {passRate:P3}.");
    }

    private static string? Check(BidiCase test)
    {
        var levels = new byte[test.Text.Length];
        var paragraphLevel = BidiLevels.Resolve(test.Text, test.Direction, levels);
        if (paragraphLevel != test.ParagraphLevel)
        {
            return $"paragraph level {paragraphLevel}";
        }

        var kept = new List<int>();
        var keptLevels = new List<byte>();
        for (var i = 0; i < test.Levels.Length; i++)
        {
            if (test.Levels[i] is not { } expected)
            {
                continue;
            }

            var actual = levels[test.Utf16Offsets[i]];
            if (actual != expected)
            {
                return $"level {actual} at {i}";
            }

            kept.Add(i);
            keptLevels.Add(actual);
        }

        var order = new int[kept.Count];
        BidiLevels.Reorder(keptLevels.ToArray(), order);
        var visual = order.Select(index => kept[index]).ToArray();
        return visual.SequenceEqual(test.VisualOrder) ? null : $"order {string.Join(' ', visual)}";
    }

    /// <summary>One line of BidiCharacterTest.txt: code points; direction (0 LTR, 1 RTL, 2 auto); paragraph level; levels (x = removed); visual order.</summary>
    private sealed record BidiCase(string Text, int[] Utf16Offsets, TextDirection Direction, byte ParagraphLevel, byte?[] Levels, int[] VisualOrder)
    {
        public static BidiCase Parse(string line)
        {
            var fields = line.Split(';');
            var codePoints = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            var text = new StringBuilder();
            var offsets = new int[codePoints.Length];
            for (var i = 0; i < codePoints.Length; i++)
            {
                offsets[i] = text.Length;
                text.Append(char.ConvertFromUtf32(codePoints[i]));
            }

            var direction = fields[1] switch { "0" => TextDirection.LeftToRight, "1" => TextDirection.RightToLeft, _ => TextDirection.Auto };
            var levels = fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(level => level == "x" ? (byte?)null : byte.Parse(level, CultureInfo.InvariantCulture)).ToArray();
            var order = fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(index => int.Parse(index, CultureInfo.InvariantCulture)).ToArray();
            return new BidiCase(text.ToString(), offsets, direction, byte.Parse(fields[2], CultureInfo.InvariantCulture), levels, order);
        }
    }
}
