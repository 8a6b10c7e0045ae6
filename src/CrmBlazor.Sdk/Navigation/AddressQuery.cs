using System.Globalization;
using System.Text;
using CrmBlazor.Sdk.Results;
using Microsoft.AspNetCore.Http;

namespace CrmBlazor.Sdk.Navigation;

/// <summary>
/// Reads the values of an address's query (<c>/customers?tag=12</c>, <c>/projects/time?week=2026-03-02</c>),
/// which people type, edit, shorten and share, without ever throwing. Each method returns the value
/// when it is usable and null when it is absent; a value it cannot use is left out (or, for days and
/// months, moved into the range the caller can work with) and recorded in <see cref="Notes"/>.
/// </summary>
/// <remarks>
/// <para>
/// A page binds its query parameters as strings (<c>[SupplyParameterFromQuery] public string? Tag</c>;
/// a typed parameter such as <c>long?</c> makes Blazor throw on <c>?tag=abc</c> before the page can
/// react), reads them here, goes on with what it can use and shows the notes with the
/// <c>AddressNote</c> component, so that the user knows what was ignored.
/// </para>
/// <para>
/// An HTTP endpoint (a download, an export) reads its parameters the same way and answers
/// <see cref="Refusal"/> (400 with an RFC 9457 problem-details body naming each value) when there is
/// any note: a program that sent a wrong value must not get something else than it asked for.
/// </para>
/// </remarks>
public sealed class AddressQuery
{
    /// <summary>The first day any page works with (time, invoices, audit); earlier days are moved to it.</summary>
    public static readonly DateOnly FirstDay = new(1900, 1, 1);

    /// <summary>The last day any page works with; later days are moved to it, so that a week, a month or the next day around it still exists.</summary>
    public static readonly DateOnly LastDay = new(2999, 12, 31);

    private const string DayFormat = "yyyy-MM-dd";
    private const string MonthFormat = "yyyy-MM";
    private readonly List<AddressValueNote> _notes = [];

    /// <summary>What was left out or changed, in the order it was read.</summary>
    public IReadOnlyList<AddressValueNote> Notes => _notes;

    /// <summary>A text (search words, an id of a user); trimmed. Longer than <paramref name="maximumLength"/>: left out.</summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    /// <param name="maximumLength">The longest text the caller uses.</param>
    public string? Text(string name, string? value, int maximumLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        return text.Length <= maximumLength ? text : Refused(name, value, $"a text of at most {maximumLength} characters");
    }

    /// <summary>The number of a record (a customer, a tag): a whole number from 1.</summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    public long? Id(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : Refused<long>(name, value, "a record number (a whole number from 1)");
    }

    /// <summary>Yes or no: <c>true</c> or <c>false</c>, in any case.</summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    public bool? Flag(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return bool.TryParse(value, out var flag) ? flag : Refused<bool>(name, value, "true or false");
    }

    /// <summary>One of the named values of an enumeration, by its name in any case (not a number, not a list).</summary>
    /// <typeparam name="TEnum">The enumeration.</typeparam>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    public TEnum? Choice<TEnum>(string name, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // One of the names as such: Enum.TryParse would also take numbers and comma-separated lists.
        var known = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return known is not null
            ? Enum.Parse<TEnum>(known)
            : Refused<TEnum>(name, value, "one of: " + string.Join(", ", Enum.GetNames<TEnum>()));
    }

    /// <summary>One of a list of texts, in any case; returns it as the list spells it.</summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    /// <param name="choices">The texts the caller knows.</param>
    public string? Choice(string name, string? value, IEnumerable<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var known = choices.ToList();
        return known.FirstOrDefault(c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? Refused(name, value, "one of: " + string.Join(", ", known));
    }

    /// <summary>
    /// A day written <c>yyyy-MM-dd</c>. A day before <paramref name="earliest"/> or after
    /// <paramref name="latest"/> is moved to that end of the range (noted).
    /// </summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    /// <param name="earliest">The first day the caller works with; <see cref="FirstDay"/> when null.</param>
    /// <param name="latest">The last day the caller works with; <see cref="LastDay"/> when null.</param>
    public DateOnly? Day(string name, string? value, DateOnly? earliest = null, DateOnly? latest = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var (first, last) = Range(earliest, latest);
        var expected = $"a day written {DayFormat} from {Invariant(first, DayFormat)} to {Invariant(last, DayFormat)}";
        if (!DateOnly.TryParseExact(value.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Refused<DateOnly>(name, value, expected);
        }

        var kept = day < first ? first : day > last ? last : day;
        if (kept != day)
        {
            _notes.Add(new AddressValueNote(name, value, expected, kept));
        }

        return kept;
    }

    /// <summary>
    /// A month written <c>yyyy-MM</c>, as its first day. A month outside the months of
    /// <paramref name="earliest"/> to <paramref name="latest"/> is moved to that end of the range (noted).
    /// </summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    /// <param name="earliest">A day of the first month the caller works with; <see cref="FirstDay"/> when null.</param>
    /// <param name="latest">A day of the last month the caller works with; <see cref="LastDay"/> when null.</param>
    public DateOnly? Month(string name, string? value, DateOnly? earliest = null, DateOnly? latest = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var (first, last) = Range(earliest, latest);
        first = new DateOnly(first.Year, first.Month, 1);
        last = new DateOnly(last.Year, last.Month, 1);
        var expected = $"a month written {MonthFormat} from {Invariant(first, MonthFormat)} to {Invariant(last, MonthFormat)}";
        if (!DateOnly.TryParseExact(value.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Refused<DateOnly>(name, value, expected);
        }

        var kept = month < first ? first : month > last ? last : month;
        if (kept != month)
        {
            _notes.Add(new AddressValueNote(name, value, expected, new MonthOf(kept)));
        }

        return kept;
    }

    /// <summary>
    /// A path on this site to go to afterwards (<c>returnUrl</c>): it starts with one <c>/</c>. Anything
    /// else (<c>https://elsewhere</c>, <c>//elsewhere</c>, <c>/\elsewhere</c>) would send the user to
    /// another site, and is left out.
    /// </summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when absent.</param>
    public string? LocalPath(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("/\\", StringComparison.Ordinal)
            && !value.Any(char.IsControl)
            ? value
            : Refused(name, value, "a path on this site, starting with a single /");
    }

    /// <summary>
    /// Records a value the caller read but cannot use (a record that does not exist, or that the user
    /// may not see), so that it is noted like the others; for an endpoint, also a required value that
    /// is missing (<paramref name="value"/> null).
    /// </summary>
    /// <param name="name">The parameter's name in the address.</param>
    /// <param name="value">The value as given, or null when it is missing.</param>
    /// <param name="expected">What would have been usable, in English, for the refusal of an endpoint.</param>
    public void Refuse(string name, string? value, string expected = "a value this page can use") =>
        _notes.Add(new AddressValueNote(name, value ?? string.Empty, expected, null));

    /// <summary>
    /// For an HTTP endpoint: null when every value was usable as given, else <c>400 Bad Request</c> with
    /// a validation problem (RFC 9457) that names each parameter and what it should be.
    /// </summary>
    public IResult? Refusal() => _notes.Count == 0
        ? null
        : TypedResults.ValidationProblem(
            _notes.GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.Select(n => n.Refusal).ToArray()),
            detail: string.Join(" ", _notes.Select(n => $"{n.Name}: {n.Refusal}")),
            title: "The request has values that cannot be used.");

    private static (DateOnly First, DateOnly Last) Range(DateOnly? earliest, DateOnly? latest)
    {
        var first = earliest is { } e && e > FirstDay ? e : FirstDay;
        var last = latest is { } l && l < LastDay ? l : LastDay;
        return first <= last ? (first, last) : (last, last);
    }

    private static string Invariant(DateOnly day, string format) => day.ToString(format, CultureInfo.InvariantCulture);

    private string? Refused(string name, string value, string expected)
    {
        _notes.Add(new AddressValueNote(name, value, expected, null));
        return null;
    }

    private T? Refused<T>(string name, string value, string expected) where T : struct
    {
        _notes.Add(new AddressValueNote(name, value, expected, null));
        return null;
    }

    /// <summary>A month, shown as month and year in the user's culture ("March 2026").</summary>
    private readonly record struct MonthOf(DateOnly FirstDay) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => FirstDay.ToString("Y", formatProvider);

        public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
    }
}

/// <summary>A value of an address that was left out or changed (see <see cref="AddressQuery"/>).</summary>
/// <param name="Name">The parameter's name (<c>tag</c>).</param>
/// <param name="Value">The value as given.</param>
/// <param name="Expected">What would have been usable, in English (<c>a record number</c>).</param>
/// <param name="Instead">What the page uses instead (a day, a month), or null when the value was left out.</param>
public sealed record AddressValueNote(string Name, string Value, string Expected, IFormattable? Instead)
{
    private const int LongestShown = 40;

    /// <summary>The value as it can be shown: at most 40 characters, control and direction-changing characters replaced by �.</summary>
    public string ShownValue
    {
        get
        {
            var shown = new StringBuilder(Math.Min(Value.Length, LongestShown + 1));
            var elements = StringInfo.GetTextElementEnumerator(Value);
            while (elements.MoveNext())
            {
                if (shown.Length >= LongestShown)
                {
                    return shown.Append('…').ToString();
                }

                var element = elements.GetTextElement();
                shown.Append(element.Any(IsHidden) ? "\uFFFD" : element);
            }

            return shown.ToString();
        }
    }

    /// <summary>The note for the user (translated by the page's localizer with <see cref="ProblemLocalization.Show"/>).</summary>
    public Problem Message => Instead is { } instead
        ? new Problem("The address asked for {0}={1}, which is out of range, so the page shows {2} instead.", Name, ShownValue, instead)
        : new Problem("The address asked for {0}={1}, which this page cannot use, so it was ignored.", Name, ShownValue);

    /// <summary>Why an endpoint refuses the value, in English (<c>'abc' is not a record number (a whole number from 1).</c>, or <c>missing: give ...</c>).</summary>
    public string Refusal => Value.Length == 0 ? $"missing: give {Expected}." : $"'{ShownValue}' is not {Expected}.";

    // Controls (C0, C1) and the bidirectional embeddings, overrides, isolates and marks: in a note they
    // could hide or reorder the text around them.
    private static bool IsHidden(char c) => char.IsControl(c) || c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
