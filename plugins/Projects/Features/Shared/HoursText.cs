using System.Globalization;
using System.Text;

namespace CrmBlazor.Plugins.Projects.Features.Shared;

/// <summary>
/// Reads and writes durations as people type them: <c>7.5</c>, <c>7,5</c>, <c>7:30</c>, <c>7h30</c>,
/// <c>45m</c>, in any script's digits (Tamil ௭, Urdu ۷...). Durations are kept in whole minutes.
/// </summary>
public static class HoursText
{
    /// <summary>Reads a duration.</summary>
    /// <param name="text">What was typed; empty means no time.</param>
    /// <param name="minutes">The minutes (negative when a minus sign was typed; the rules refuse it), or null for empty text.</param>
    /// <returns>False when the text is not a duration.</returns>
    public static bool TryParse(string? text, out int? minutes)
    {
        minutes = null;
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return true;
        }

        var negative = normalized.StartsWith('-');
        var body = normalized.TrimStart('-', '+').Trim();
        double? total = null;
        if (body.Contains(':', StringComparison.Ordinal))
        {
            var parts = body.Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                && parts[1].Length is > 0 and <= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60)
            {
                total = (h * 60) + m;
            }
        }
        else if (body.EndsWith('m') && !body.Contains('h', StringComparison.Ordinal))
        {
            if (int.TryParse(body[..^1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                total = m;
            }
        }
        else if (body.Contains('h', StringComparison.Ordinal))
        {
            var parts = body.Split('h', 2);
            var rest = parts[1].Trim().TrimEnd('m').Trim();
            if (TryDecimal(parts[0].Trim(), out var h))
            {
                if (rest.Length == 0)
                {
                    total = h * 60;
                }
                else if (h == Math.Floor(h) && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60)
                {
                    total = (h * 60) + m;
                }
            }
        }
        else if (TryDecimal(body, out var hours))
        {
            total = hours * 60;
        }

        if (total is not { } value || value > 100_000)
        {
            return false;
        }

        minutes = (int)Math.Round(negative ? -value : value, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Writes minutes as decimal hours in a culture (<c>7.5</c>, <c>7,5</c>), with at most two decimals.</summary>
    /// <param name="minutes">The minutes.</param>
    /// <param name="culture">The culture; the current culture if null.</param>
    public static string Format(int minutes, CultureInfo? culture = null) =>
        Math.Round(minutes / 60m, 2).ToString("0.##", culture ?? CultureInfo.CurrentCulture);

    /// <summary>Writes hours (a budget) in a culture, with at most two decimals.</summary>
    /// <param name="hours">The hours.</param>
    /// <param name="culture">The culture; the current culture if null.</param>
    public static string Format(decimal hours, CultureInfo? culture = null) =>
        Math.Round(hours, 2).ToString("#,0.##", culture ?? CultureInfo.CurrentCulture);

    private static bool TryDecimal(string text, out double value)
    {
        value = 0;
        var dots = text.Count(c => c is '.' or ',');
        if (text.Length == 0 || dots > 1 || text.Any(c => !char.IsAsciiDigit(c) && c is not '.' and not ','))
        {
            return false;
        }

        return double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    // Digits of every script become ASCII digits; the Arabic decimal separator and full stops become '.'.
    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsDigit(c))
            {
                builder.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (c is '\u066B' or '\u06D4')
            {
                builder.Append('.');
            }
            else if (c is '\u2212' or '\u2013')
            {
                builder.Append('-');
            }
            else if (!char.IsWhiteSpace(c) || builder.Length > 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
