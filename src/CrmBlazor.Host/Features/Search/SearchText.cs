using System.Globalization;
using System.Text;

namespace CrmBlazor.Host.Features.Search;

/// <summary>
/// Turns names, e-mail addresses, phone numbers and tags into search terms, and a query into the
/// prefixes to look for, the same way on both sides.
/// </summary>
/// <remarks>
/// <para>
/// Words are runs of letters, combining marks and digits. Combining marks stay inside the word: in
/// Tamil, Kannada and Gujarati the vowel signs and the virama are marks (சென்னை is ச ெ ன ் ன ை),
/// and a tokenizer that splits or strips them, as many full-text engines do by default, cannot find
/// these names. Only accents on Latin, Greek and Cyrillic letters and Arabic vowel marks are folded
/// (Müller finds Muller, مُحَمَّد finds محمد), because people type those without them.
/// </para>
/// <para>
/// Terms are in Unicode normalisation form C and lower case; zero-width joiners, which only steer
/// rendering, are removed. E-mail addresses also yield their local part and domain; phone numbers
/// yield their digits and the trailing digits, so that a national number finds an international one.
/// </para>
/// </remarks>
public static class SearchText
{
    /// <summary>Longest term stored; longer words are cut (prefix search still finds them).</summary>
    public const int MaximumTermLength = 64;

    /// <summary>Shortest trailing digit sequence of a phone number that is indexed.</summary>
    public const int MinimumPhoneSuffix = 6;

    /// <summary>The terms of a name, a tag or any other free text.</summary>
    /// <param name="text">The text.</param>
    public static IEnumerable<string> TermsOfText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var word in Words(Fold(text)))
        {
            yield return Cut(word);
        }
    }

    /// <summary>The terms of an e-mail address: the whole address, the local part, the domain and their words.</summary>
    /// <param name="email">The address.</param>
    public static IEnumerable<string> TermsOfEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            yield break;
        }

        var folded = Fold(email.Trim());
        yield return Cut(folded);
        var at = folded.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            yield return Cut(folded[..at]);
            if (at < folded.Length - 1)
            {
                yield return Cut(folded[(at + 1)..]);
            }
        }

        foreach (var word in Words(folded))
        {
            yield return Cut(word);
        }
    }

    /// <summary>The terms of a phone number: all its digits, and every trailing run of at least six digits.</summary>
    /// <param name="phone">The number as written.</param>
    public static IEnumerable<string> TermsOfPhone(string? phone)
    {
        var digits = Digits(phone);
        if (digits.Length == 0)
        {
            yield break;
        }

        yield return Cut(digits);
        for (var start = 1; digits.Length - start >= MinimumPhoneSuffix; start++)
        {
            yield return Cut(digits[start..]);
        }
    }

    /// <summary>
    /// The prefixes a query asks for: each word of the query, folded, leaving out words of one letter
    /// when there are longer ones. A query that is mostly digits and phone punctuation is one phone
    /// prefix; a query with an @ and no space is one e-mail prefix.
    /// </summary>
    /// <param name="query">What the user typed.</param>
    public static IReadOnlyList<string> PrefixesOfQuery(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var trimmed = query.Trim();
        if (LooksLikePhone(trimmed))
        {
            return [Cut(Digits(trimmed))];
        }

        var folded = Fold(trimmed);
        if (folded.Contains('@', StringComparison.Ordinal) && !folded.Contains(' ', StringComparison.Ordinal))
        {
            return [Cut(folded)];
        }

        var words = Words(folded).Select(Cut).Distinct(StringComparer.Ordinal).ToList();

        // A word of one letter (one grapheme: க, கொ or p) is the prefix of a large part of the index
        // and narrows the result hardly at all; next to longer words it is left out, so that typing
        // "poti-p" or "Jean P" costs what "poti" or "Jean" costs. On its own it is searched for.
        var longer = words.Where(w => !IsOneLetter(w)).ToList();
        return longer.Count > 0 ? longer : words;
    }

    /// <summary>Whether a word is one letter (one grapheme: க, கொ or p).</summary>
    /// <param name="word">The word.</param>
    public static bool IsOneLetter(string word) => new StringInfo(word).LengthInTextElements == 1;

    /// <summary>The upper bound of a prefix range: every term starting with <paramref name="prefix"/> sorts below it.</summary>
    /// <param name="prefix">The prefix.</param>
    public static string UpperBound(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);

    /// <summary>Folds text for comparison: NFC, lower case, no zero-width characters, Latin/Greek/Cyrillic accents and Arabic vowel marks removed.</summary>
    /// <param name="text">The text.</param>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var previousBase = '\0';
        foreach (var c in decomposed)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark && (IsFoldableBase(previousBase) || IsArabicVowelMark(c)))
            {
                continue;
            }

            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                previousBase = c;
            }

            folded.Append(c);
        }

        return folded.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    private static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && IsWordChar(folded, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    private static bool IsWordChar(string text, int index)
    {
        var category = char.IsSurrogate(text[index])
            ? CharUnicodeInfo.GetUnicodeCategory(text, index)
            : CharUnicodeInfo.GetUnicodeCategory(text[index]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            || char.IsSurrogate(text[index]) && category != UnicodeCategory.OtherSymbol;
    }

    // Latin (incl. extended), Greek and Cyrillic letters: their accents are folded away.
    private static bool IsFoldableBase(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F')
        or (>= '\u0370' and <= '\u03FF') or (>= '\u0400' and <= '\u04FF') or (>= '\u1E00' and <= '\u1EFF');

    // Arabic harakat, tanwin, shadda, sukun and superscript alef: usually left out when typing.
    private static bool IsArabicVowelMark(char c) => c is (>= '\u064B' and <= '\u065F') or '\u0670';

    private static bool LooksLikePhone(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.' or '/'))
            {
                return false;
            }
        }

        return digits >= 3;
    }

    private static string Digits(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Concat(text.Where(char.IsAsciiDigit));

    private static string Cut(string term) => term.Length <= MaximumTermLength ? term : CutAtTextElement(term);

    // Never cut inside a grapheme cluster (a Tamil letter with its vowel sign is one cluster).
    private static string CutAtTextElement(string term)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(term);
        while (elements.MoveNext())
        {
            var next = length + ((string)elements.Current).Length;
            if (next > MaximumTermLength)
            {
                break;
            }

            length = next;
        }

        return term[..length];
    }
}
