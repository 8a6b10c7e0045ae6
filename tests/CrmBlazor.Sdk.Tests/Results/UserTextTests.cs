using System.Xml.Linq;

namespace CrmBlazor.Sdk.Tests.Results;

public sealed class UserTextTests
{
    // Code units as numbers: xUnit would turn a lone surrogate in a string into U+FFFD.
    public static TheoryData<string, int> RefusedInEveryText() => new()
    {
        { "NUL", 0x0000 },
        { "tab", 0x0009 },
        { "line feed", 0x000A },
        { "carriage return", 0x000D },
        { "escape", 0x001B },
        { "unit separator", 0x001F },
        { "DEL", 0x007F },
        { "C1 padding", 0x0080 },
        { "next line (C1)", 0x0085 },
        { "C1 application command", 0x009F },
        { "line separator", 0x2028 },
        { "paragraph separator", 0x2029 },
        { "LRE", 0x202A },
        { "RLE", 0x202B },
        { "PDF", 0x202C },
        { "LRO", 0x202D },
        { "RLO", 0x202E },
        { "inhibit symmetric swapping", 0x206A },
        { "nominal digit shapes", 0x206F },
        { "noncharacter FFFE", 0xFFFE },
        { "noncharacter FFFF", 0xFFFF },
        { "lone high surrogate", 0xD83D },
        { "lone low surrogate", 0xDC69 },
        { "isolate never closed", 0x2067 },
        { "first-strong isolate never closed", 0x2068 },
        { "pop that closes nothing", 0x2069 },
    };

    [Theory]
    [MemberData(nameof(RealText.All), MemberType = typeof(RealText))]
    public void IndexOfRefused_RealTextWithItsMarksJoinersAndIsolates_AllowsIt(string text)
    {
        Assert.Equal(-1, UserText.IndexOfRefused(text, TextKind.SingleLine));
        Assert.Equal(-1, UserText.IndexOfRefused(text, TextKind.Multiline));
    }

    [Theory]
    [MemberData(nameof(RealText.Articles), MemberType = typeof(RealText))]
    public void IndexOfRefused_SampleArticleAsNotes_AllowsItAndEachOfItsLinesAsAName(string file)
    {
        var article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file)).Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(-1, UserText.IndexOfRefused(article, TextKind.Multiline));
        Assert.All(article.Split("\r\n"), line => Assert.Equal(-1, UserText.IndexOfRefused(line, TextKind.SingleLine)));
    }

    [Theory]
    [MemberData(nameof(RealText.TranslationFiles), MemberType = typeof(RealText))]
    public void IndexOfRefused_EveryTranslationOfTheUi_AllowsIt(string file)
    {
        var values = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Translations", file))
            .Descendants("data").Select(d => (string?)d.Element("value") ?? string.Empty).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.True(UserText.IsAllowed(value, TextKind.SingleLine), $"Refused: {value}"));
    }

    [Theory]
    [MemberData(nameof(RefusedInEveryText))]
    public void IndexOfRefused_SingleLineTextWithTheCharacter_PointsAtIt(string name, int codeUnit)
    {
        var character = ((char)codeUnit).ToString();
        Assert.Equal(6, UserText.IndexOfRefused("Acme L" + character + "td", TextKind.SingleLine));
        Assert.False(UserText.IsAllowed(RealText.UrduSentence + character, TextKind.SingleLine), name);
    }

    [Theory]
    [MemberData(nameof(RefusedInEveryText))]
    public void IndexOfRefused_MultilineText_RefusesTheSameExceptTabsAndLineBreaks(string name, int codeUnit)
    {
        var character = ((char)codeUnit).ToString();
        var allowed = character is "\t" or "\n" or "\r";

        Assert.Equal(allowed ? -1 : 6, UserText.IndexOfRefused("Notes " + character + "end", TextKind.Multiline));
        Assert.True(allowed || !UserText.IsAllowed(character, TextKind.Multiline), name);
    }

    [Fact]
    public void IndexOfRefused_TheIssuesBidiOverrideName_PointsAtTheOverride()
    {
        Assert.Equal(5, UserText.IndexOfRefused("Bidi \u202Egnp.exe Ltd", TextKind.SingleLine));
    }

    [Fact]
    public void IndexOfRefused_IsolateLeftOpenBeforeAControlCharacter_PointsAtTheIsolate()
    {
        Assert.Equal(2, UserText.IndexOfRefused("ab\u2067cd\u0001", TextKind.SingleLine));
    }

    [Fact]
    public void IndexOfRefused_NestedAndSequentialIsolates_AreAllowedWhenEachIsClosed()
    {
        Assert.Equal(-1, UserText.IndexOfRefused("\u2066a\u2067b\u2069c\u2069", TextKind.SingleLine));
        Assert.Equal(7, UserText.IndexOfRefused("\u2066a\u2069b\u2067c\u2069\u2069", TextKind.SingleLine));
    }

    [Fact]
    public void Check_RefusedText_GivesThePositionCountingFromOne()
    {
        var problem = UserText.Check("Acme\u0000", TextKind.SingleLine);

        Assert.Equal("Remove the invisible control or text-direction character at position 5.", problem?.ToString());
        Assert.Null(UserText.Check(RealText.UrduWithIsolatedLatinName, TextKind.SingleLine));
        Assert.Null(UserText.Check(null, TextKind.SingleLine));
    }

    [Fact]
    public void Clean_TheIssuesNameWithOverrideAndNul_LeavesTheTextInLogicalOrder()
    {
        Assert.Equal("Bidi gnp.exe Ltd", UserText.Clean("Bidi \u202Egnp.exe\u0000 Ltd", TextKind.SingleLine));
    }

    [Fact]
    public void Clean_LineBreaksAndTabsInSingleLineText_BecomeSpaces()
    {
        Assert.Equal("Acme  Ltd Pune", UserText.Clean("Acme\r\nLtd\tPune", TextKind.SingleLine));
    }

    [Fact]
    public void Clean_MultilineText_KeepsLineBreaksAndTabsAndTurnsSeparatorsIntoLineFeeds()
    {
        Assert.Equal("one\r\ntwo\tthree\nfour\nfive", UserText.Clean("one\r\ntwo\tthree\u2028four\u2029five\u0007", TextKind.Multiline));
    }

    [Fact]
    public void Clean_UnbalancedIsolates_DropsOnlyThoseThatDoNotPair()
    {
        Assert.Equal("a\u2066b\u2069c", UserText.Clean("\u2069a\u2066b\u2069c\u2067", TextKind.SingleLine));
    }

    [Fact]
    public void Clean_LoneSurrogatesAndNoncharacters_AreDroppedAndPairsKept()
    {
        Assert.Equal("a👩b", UserText.Clean("a\uD83D\uDC69\uD83Db\uFFFF", TextKind.SingleLine));
    }

    [Fact]
    public void Clean_AllowedText_IsTheSameString()
    {
        Assert.Same(RealText.KannadaWithJoiners, UserText.Clean(RealText.KannadaWithJoiners, TextKind.SingleLine));
        Assert.Equal(string.Empty, UserText.Clean(null, TextKind.SingleLine));
    }
}
