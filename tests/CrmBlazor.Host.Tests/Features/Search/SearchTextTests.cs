using System.Text;
using CrmBlazor.Host.Features.Search;

namespace CrmBlazor.Host.Tests.Features.Search;

/// <summary>
/// How names, e-mail addresses and phone numbers become search terms, and queries become prefixes.
/// The phrases are taken from the sample texts in ../shared/samples/text (Tamil, Kannada, Georgian)
/// and the demo firm (Gujarati, Urdu), copied here so the tests do not depend on files outside the repository.
/// </summary>
public sealed class SearchTextTests
{
    // From ta-crm-article.txt: "customer relationship management (CRM)".
    private const string TamilPhrase = "வாடிக்கையாளர் உறவு மேலாண்மை (CRM)";

    // From kn-crm-article.txt.
    private const string KannadaPhrase = "ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ (CRM)";

    // From ka-crm-article.txt.
    private const string GeorgianPhrase = "მომხმარებელთან ურთიერთობის მენეჯმენტი (CRM)";

    // "Ahmedabad Textiles", a customer of the demo firm.
    private const string GujaratiName = "અમદાવાદ ટેક્સટાઇલ્સ";

    [Fact]
    public void TermsOfText_TamilPhrase_KeepsEveryVowelSignAndVirama()
    {
        var terms = SearchText.TermsOfText(TamilPhrase).ToList();

        Assert.Equal(["வாடிக்கையாளர்", "உறவு", "மேலாண்மை", "crm"], terms);
        Assert.Contains('\u0BCD', terms[0]); // the virama (pulli) of ர், a combining mark
    }

    [Fact]
    public void TermsOfText_KannadaPhrase_KeepsEveryVowelSignAndVirama()
    {
        var terms = SearchText.TermsOfText(KannadaPhrase).ToList();

        Assert.Equal(["ಗ್ರಾಹಕ", "ಸಂಬಂಧ", "ನಿರ್ವಹಣೆ", "crm"], terms);
        Assert.Contains('\u0CCD', terms[0]); // the virama joining ಗ and ರ
    }

    [Fact]
    public void TermsOfText_GujaratiName_KeepsEveryVowelSignAndVirama()
    {
        var terms = SearchText.TermsOfText(GujaratiName).ToList();

        Assert.Equal(["અમદાવાદ", "ટેક્સટાઇલ્સ"], terms);
        Assert.Contains('\u0ACD', terms[1]);
    }

    [Fact]
    public void TermsOfText_GeorgianPhrase_GivesEachWordWhole()
    {
        var terms = SearchText.TermsOfText(GeorgianPhrase).ToList();

        Assert.Equal(["მომხმარებელთან", "ურთიერთობის", "მენეჯმენტი", "crm"], terms);
    }

    [Fact]
    public void Fold_GeorgianCapitals_FindTheWordInOrdinaryLetters()
    {
        // Mtavruli, the capital letters of Georgian used in headings, and Mkhedruli are one word for search.
        Assert.Equal("თბილისი", SearchText.Fold("ᲗᲑᲘᲚᲘᲡᲘ"));
    }

    [Fact]
    public void TermsOfText_WordsOfSeveralScripts_AreSplitAtSpacesAndPunctuationOnly()
    {
        var terms = SearchText.TermsOfText("Kestrel Logistics GmbH – சென்னை/ಬೆಂಗಳೂರು, თბილისი").ToList();

        Assert.Equal(["kestrel", "logistics", "gmbh", "சென்னை", "ಬೆಂಗಳೂರು", "თბილისი"], terms);
    }

    [Theory]
    [InlineData("Jürgen Müller", "jurgen muller")]
    [InlineData("Élodie Lefèvre", "elodie lefevre")]
    [InlineData("São João", "sao joao")]
    [InlineData("Íñigo Núñez", "inigo nunez")]
    [InlineData("Dvořák Wójcik", "dvorak wojcik")]
    public void TermsOfText_LatinAccents_AreFolded(string name, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchText.TermsOfText(name)));
    }

    [Fact]
    public void PrefixesOfQuery_NameTypedWithoutAccents_IsAPrefixOfTheAccentedName()
    {
        var stored = SearchText.TermsOfText("Jürgen Müller").ToList();

        var prefix = Assert.Single(SearchText.PrefixesOfQuery("Mull"));

        Assert.Contains(stored, term => term.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Fold_DecomposedLatinAccent_EqualsThePrecomposedLetter()
    {
        Assert.Equal(SearchText.Fold("Müller"), SearchText.Fold("Mu\u0308ller"));
    }

    [Fact]
    public void Fold_TamilTwoPartVowelSign_EqualsItsSingleCodePoint()
    {
        // கொ may be typed as க + ொ (U+0BCA) or as க + ெ + ா (U+0BC6 U+0BBE); NFC makes them one.
        Assert.Equal(SearchText.Fold("\u0B95\u0BCA"), SearchText.Fold("\u0B95\u0BC6\u0BBE"));
    }

    [Fact]
    public void Fold_ArabicHarakat_AreRemoved()
    {
        Assert.Equal("محمد", SearchText.Fold("مُحَمَّد"));
    }

    [Fact]
    public void TermsOfText_UrduNames_KeepTheirLetters()
    {
        Assert.Equal(["لاہور", "کراچی"], SearchText.TermsOfText("لاہور، کراچی").ToList());
    }

    [Theory]
    [InlineData("ನಿರ್\u200Dವಹಣೆ")] // zero-width joiner
    [InlineData("ನಿರ್\u200Cವಹಣೆ")] // zero-width non-joiner
    [InlineData("ನಿರ್ವ\u00ADಹಣೆ")] // soft hyphen
    public void Fold_InvisibleJoinersAndSoftHyphens_AreRemoved(string written)
    {
        Assert.Equal("ನಿರ್ವಹಣೆ", SearchText.Fold(written));
    }

    [Fact]
    public void TermsOfEmail_Address_GivesTheAddressItsLocalPartItsDomainAndTheirWords()
    {
        var terms = SearchText.TermsOfEmail("Priya.Rajendran@Chennai-Software.example").ToList();

        Assert.Equal(
            ["priya.rajendran@chennai-software.example", "priya.rajendran", "chennai-software.example", "priya", "rajendran", "chennai", "software", "example"],
            terms);
    }

    [Fact]
    public void TermsOfEmail_NoAddress_GivesNothing()
    {
        Assert.Empty(SearchText.TermsOfEmail("  "));
        Assert.Empty(SearchText.TermsOfEmail(null));
    }

    [Fact]
    public void TermsOfPhone_InternationalNumber_GivesAllDigitsAndEveryTailOfAtLeastSixDigits()
    {
        var terms = SearchText.TermsOfPhone("+91 44 2345 6789").ToList();

        Assert.Equal(["914423456789", "14423456789", "4423456789", "423456789", "23456789", "3456789", "456789"], terms);
    }

    [Fact]
    public void PrefixesOfQuery_NationalNumber_IsATermOfTheInternationalNumber()
    {
        var prefix = Assert.Single(SearchText.PrefixesOfQuery("44 2345-6789"));

        Assert.Equal("4423456789", prefix);
        Assert.Contains(prefix, SearchText.TermsOfPhone("+91 44 2345 6789"));
    }

    [Fact]
    public void TermsOfPhone_ShortNumber_GivesOnlyItsDigits()
    {
        Assert.Equal(["12345"], SearchText.TermsOfPhone("123-45").ToList());
        Assert.Empty(SearchText.TermsOfPhone("n/a"));
    }

    [Fact]
    public void PrefixesOfQuery_SeveralWords_GivesEachWordOnceFolded()
    {
        Assert.Equal(["chennai", "software"], SearchText.PrefixesOfQuery("Chennai  SOFTWARE chennai"));
    }

    [Theory]
    [InlineData("Jean P", "jean")]
    [InlineData("poti-p", "poti")]
    [InlineData("கொ சென்னை", "சென்னை")] // கொ is one letter: a consonant with its two-part vowel sign
    public void PrefixesOfQuery_OneLetterNextToLongerWords_IsLeftOut(string query, string expected)
    {
        Assert.Equal([expected], SearchText.PrefixesOfQuery(query));
    }

    [Theory]
    [InlineData("P", "p")]
    [InlineData("கொ", "கொ")]
    public void PrefixesOfQuery_OneLetterAlone_IsSearchedFor(string query, string expected)
    {
        Assert.Equal([expected], SearchText.PrefixesOfQuery(query));
    }

    [Theory]
    [InlineData("p", true)]
    [InlineData("கொ", true)] // a consonant with its two-part vowel sign
    [InlineData("ქ", true)]
    [InlineData("بی", false)]
    [InlineData("po", false)]
    [InlineData("கொடி", false)]
    public void IsOneLetter_CountsGraphemesNotCharacters(string word, bool expected)
    {
        Assert.Equal(expected, SearchText.IsOneLetter(word));
    }

    [Fact]
    public void PrefixesOfQuery_FirstLettersOfATamilWord_AreAPrefixOfTheStoredWord()
    {
        var prefix = Assert.Single(SearchText.PrefixesOfQuery("வாடிக்"));

        Assert.StartsWith(prefix, SearchText.TermsOfText(TamilPhrase).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixesOfQuery_PartOfAnEmailAddress_IsOnePrefix()
    {
        Assert.Equal(["priya.raj@chennai"], SearchText.PrefixesOfQuery("Priya.Raj@Chennai"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("– / ()")]
    public void PrefixesOfQuery_NothingSearchable_GivesNoPrefix(string? query)
    {
        Assert.Empty(SearchText.PrefixesOfQuery(query));
    }

    [Fact]
    public void TermsOfText_LongLatinWord_IsCutToTheLongestTerm()
    {
        var term = Assert.Single(SearchText.TermsOfText(new string('a', 100)));

        Assert.Equal(new string('a', SearchText.MaximumTermLength), term);
    }

    [Fact]
    public void TermsOfText_LongTamilWord_IsCutBetweenLettersNotInsideOne()
    {
        // அ then 40 × கொ (two UTF-16 units each): 64 units would end between க and its vowel sign.
        var word = "அ" + string.Concat(Enumerable.Repeat("கொ", 40));

        var term = Assert.Single(SearchText.TermsOfText(word));

        Assert.Equal("அ" + string.Concat(Enumerable.Repeat("கொ", 31)), term);
        Assert.Equal(SearchText.MaximumTermLength - 1, term.Length);
    }

    [Fact]
    public void PrefixesOfQuery_LongWord_IsCutLikeTheStoredTerm()
    {
        var word = "அ" + string.Concat(Enumerable.Repeat("கொ", 40));

        Assert.Equal(SearchText.TermsOfText(word).Single(), Assert.Single(SearchText.PrefixesOfQuery(word)));
    }

    [Theory]
    [InlineData("சென்", "சென்னை", true)]
    [InlineData("சென்", "சென்", true)]
    [InlineData("சென்", "சேலம்", false)]
    [InlineData("chen", "chen😀", true)]
    [InlineData("chen", "chen\uFFFD", true)]
    [InlineData("chen", "chf", false)]
    [InlineData("chen", "che", false)]
    public void UpperBound_InTheDatabasesByteOrder_BoundsExactlyTheTermsWithThePrefix(string prefix, string term, bool inRange)
    {
        // SQLite (BINARY) and PostgreSQL ("C") compare UTF-8 bytes, i.e. code points.
        var upper = SearchText.UpperBound(prefix);

        var found = Utf8Compare(term, prefix) >= 0 && Utf8Compare(term, upper) < 0;

        Assert.Equal(inRange, found);
    }

    private static int Utf8Compare(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
