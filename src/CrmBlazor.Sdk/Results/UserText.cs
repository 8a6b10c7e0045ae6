using System.Text;

namespace CrmBlazor.Sdk.Results;

/// <summary>Whether a text may span several lines.</summary>
public enum TextKind
{
    /// <summary>One line: a name, a subject, a reference.</summary>
    SingleLine,

    /// <summary>Several lines: notes, descriptions, details. Line feeds, carriage returns and tabs are allowed.</summary>
    Multiline,
}

/// <summary>
/// The one rule for text people enter into the CRM, whatever the way in (a form, a CSV import, an API):
/// any script is welcome, but no invisible character that changes how the text, or the text around it,
/// is shown or printed. <see cref="InputValidation"/> applies it to every string property of an input
/// model; mark multi-line properties with <see cref="MultilineTextAttribute"/>.
/// </summary>
/// <remarks>
/// <para>Refused in every text:</para>
/// <list type="bullet">
/// <item>C0 controls U+0000–U+001F (NUL, tab, line feed and carriage return included), DEL U+007F and C1 controls U+0080–U+009F;</item>
/// <item>the line and paragraph separators U+2028 and U+2029;</item>
/// <item>the bidirectional embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO), which reorder
/// what follows them ("Invoice ‮gnp.exe" shows as "Invoice exe.png");</item>
/// <item>the deprecated format characters U+206A–U+206F;</item>
/// <item>the noncharacters U+FFFE and U+FFFF and a surrogate without its pair (neither is a character;
/// spreadsheet files, which are XML, cannot hold them);</item>
/// <item>a direction isolate (LRI U+2066, RLI U+2067, FSI U+2068) that the same text does not close with
/// PDI U+2069, and a PDI that closes nothing. An isolate left open would carry the text's direction into
/// the sentence it is shown in; a stray PDI would close an isolate the page or document put around it.</item>
/// </list>
/// <para>Multi-line text may also hold line feeds, carriage returns and tabs.</para>
/// <para>Allowed, because real text needs them: balanced isolates, the direction marks LRM U+200E,
/// RLM U+200F and ALM U+061C (Urdu and Arabic text with numbers or Latin words), and the joiners ZWNJ
/// U+200C and ZWJ U+200D (Tamil, Kannada, Gujarati conjuncts; Urdu and Persian word forms).</para>
/// </remarks>
public static class UserText
{
    /// <summary>The message a refused text gets; <c>{0}</c> is the position (1 for the first character).</summary>
    public const string RefusedMessage = "Remove the invisible control or text-direction character at position {0}.";

    private const char LeftToRightIsolate = '\u2066';
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>Where the first character the rule refuses is, or -1 when the text is allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">Single-line or multi-line.</param>
    /// <returns>A UTF-16 index into <paramref name="text"/>, or -1.</returns>
    public static int IndexOfRefused(ReadOnlySpan<char> text, TextKind kind)
    {
        var first = -1;
        var depth = 0;
        var outermost = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c is >= LeftToRightIsolate and <= FirstStrongIsolate)
            {
                outermost = depth++ == 0 ? i : outermost;
            }
            else if (c == PopDirectionalIsolate ? depth-- == 0 : IsRefused(c, kind))
            {
                depth = Math.Max(depth, 0);
                first = first < 0 ? i : first;
            }
        }

        // An isolate still open at the end: the outermost one is what leaks its direction.
        var unclosed = depth > 0 ? outermost : -1;
        return first < 0 || (unclosed >= 0 && unclosed < first) ? unclosed : first;
    }

    /// <summary>Whether the rule allows a text; null and empty are allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">Single-line or multi-line.</param>
    public static bool IsAllowed(string? text, TextKind kind) => text is null || IndexOfRefused(text, kind) < 0;

    /// <summary>The message for a refused text (<see cref="RefusedMessage"/> with the position), or null when the text is allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">Single-line or multi-line.</param>
    public static Problem? Check(string? text, TextKind kind) =>
        text is not null && IndexOfRefused(text, kind) is var index and >= 0 ? new Problem(RefusedMessage, index + 1) : null;

    /// <summary>
    /// The text with what the rule refuses taken out, for printing or exporting text that was stored
    /// before the rule or came from elsewhere: a tab, a line break or a separator becomes a space (a
    /// line feed in multi-line text, where tabs, line feeds and carriage returns stay); every other
    /// refused character, and every isolate that is not closed or closes nothing, is left out.
    /// </summary>
    /// <param name="text">The text; null gives an empty string.</param>
    /// <param name="kind">Single-line or multi-line.</param>
    /// <returns>The same string when nothing had to change.</returns>
    public static string Clean(string? text, TextKind kind)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IndexOfRefused(text, kind) < 0)
        {
            return text;
        }

        var unmatched = UnmatchedIsolates(text);
        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (unmatched.Contains(i))
            {
                continue;
            }
            else if (!IsRefused(c, kind))
            {
                cleaned.Append(c);
            }
            else if (IsLineLike(c))
            {
                cleaned.Append(kind == TextKind.Multiline ? '\n' : ' ');
            }
        }

        return cleaned.ToString();
    }

    private static bool IsRefused(char c, TextKind kind) => c switch
    {
        '\t' or '\n' or '\r' => kind == TextKind.SingleLine,
        < '\u0020' or (>= '\u007F' and <= '\u009F') => true,
        '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u206A' and <= '\u206F' => true,
        '\uFFFE' or '\uFFFF' => true,
        _ => char.IsSurrogate(c),
    };

    // Characters that separate words or lines: cleaned into a space (or a line feed) rather than dropped.
    private static bool IsLineLike(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static HashSet<int> UnmatchedIsolates(string text)
    {
        var unmatched = new HashSet<int>();
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= LeftToRightIsolate and <= FirstStrongIsolate)
            {
                open.Push(i);
            }
            else if (text[i] == PopDirectionalIsolate && !open.TryPop(out _))
            {
                unmatched.Add(i);
            }
        }

        unmatched.UnionWith(open);
        return unmatched;
    }
}

/// <summary>
/// Marks a string property of an input model as multi-line text (notes, descriptions): the rule of
/// <see cref="UserText"/> then allows line feeds, carriage returns and tabs in it. Every other string
/// property is single-line. The form shows such a property in a text area.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class MultilineTextAttribute : Attribute;
