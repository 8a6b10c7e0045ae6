using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CrmBlazor.Documents.Tests;

/// <summary>
/// Reads a page's text with PdfPig the way a PDF reader should: letters inside a marked-content span
/// with /ActualText stand for that text (conjuncts, ligatures), and the content of a /ReversedChars
/// sequence (a right-to-left run drawn in visual order) is read backwards. Presentation forms of
/// Arabic letters are folded to the letters (NFKC).
/// </summary>
internal static class PdfPigText
{
    public static string Extract(byte[] pdf, int pageNumber = 1)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(pageNumber);
        var index = new Dictionary<Letter, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < page.Letters.Count; i++)
        {
            index[page.Letters[i]] = i;
        }

        var claimed = new HashSet<Letter>(ReferenceEqualityComparer.Instance);
        var units = new List<(int Position, string Text)>();
        foreach (var element in page.GetMarkedContents())
        {
            var unit = Read(element, index, claimed);
            if (unit is not null)
            {
                units.Add(unit.Value);
            }
        }

        units.AddRange(page.Letters.Where(letter => !claimed.Contains(letter)).Select(letter => (index[letter], letter.Value)));
        var text = string.Concat(units.OrderBy(u => u.Position).Select(u => u.Text));
        return text.Normalize(NormalizationForm.FormKC);
    }

    private static (int Position, string Text)? Read(MarkedContentElement element, Dictionary<Letter, int> index, HashSet<Letter> claimed)
    {
        var letters = AllLetters(element).Where(index.ContainsKey).ToList();
        if (letters.Count == 0)
        {
            return null;
        }

        var position = letters.Min(letter => index[letter]);
        if (element.ActualText is { } actual)
        {
            claimed.UnionWith(letters);
            return (position, actual);
        }

        var units = new List<(int Position, string Text)>();
        foreach (var child in element.Children)
        {
            if (Read(child, index, claimed) is { } unit)
            {
                units.Add(unit);
            }
        }

        var own = element.Letters.Where(letter => index.ContainsKey(letter) && !claimed.Contains(letter)).ToList();
        claimed.UnionWith(own);
        units.AddRange(own.Select(letter => (index[letter], letter.Value)));
        var ordered = units.OrderBy(u => u.Position).Select(u => u.Text);
        if (element.Tag == "ReversedChars")
        {
            ordered = ordered.Reverse();
        }

        return (position, string.Concat(ordered));
    }

    private static IEnumerable<Letter> AllLetters(MarkedContentElement element) =>
        element.Letters.Concat(element.Children.SelectMany(AllLetters));
}
