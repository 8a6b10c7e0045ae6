using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmBlazor.Plugins.Invoicing.Features.Numbering;

/// <summary>
/// The pattern of a number series: literal text with <c>{yyyy}</c> (the year), <c>{yy}</c> (its last
/// two digits) and <c>{seq}</c> or <c>{seq:00000}</c> (the position in the year's sequence, padded
/// with zeros to the width given). <c>INV-{yyyy}-{seq:00000}</c> gives <c>INV-2026-00042</c>.
/// </summary>
public sealed partial class InvoiceNumberFormat
{
    private readonly string _pattern;

    private InvoiceNumberFormat(string pattern) => _pattern = pattern;

    /// <summary>Reads a pattern, or returns null with the reason when it is not valid.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="error">Why it is not valid.</param>
    public static InvoiceNumberFormat? TryParse(string? pattern, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 40)
        {
            error = "A number format must have 1 to 40 characters.";
            return null;
        }

        var placeholders = Placeholder().Matches(pattern);
        var stripped = Placeholder().Replace(pattern, string.Empty);
        if (stripped.Contains('{', StringComparison.Ordinal) || stripped.Contains('}', StringComparison.Ordinal))
        {
            error = $"The number format '{pattern}' has an unknown placeholder; use {{yyyy}}, {{yy}} and {{seq}} or {{seq:00000}}.";
            return null;
        }

        if (placeholders.Count(m => m.Groups["name"].Value == "seq") != 1)
        {
            error = $"The number format '{pattern}' must contain {{seq}} (or {{seq:00000}}) exactly once.";
            return null;
        }

        if (!placeholders.Any(m => m.Groups["name"].Value is "yyyy" or "yy"))
        {
            // The sequence restarts every year, so the year must be part of the number to keep it unique.
            error = $"The number format '{pattern}' must contain the year, {{yyyy}} or {{yy}}: the sequence starts again every year.";
            return null;
        }

        return new InvoiceNumberFormat(pattern);
    }

    /// <summary>Reads a pattern that was validated with the settings.</summary>
    /// <param name="pattern">The pattern.</param>
    public static InvoiceNumberFormat Parse(string pattern) =>
        TryParse(pattern, out var error) ?? throw new FormatException(error);

    /// <summary>The number at a position of a year's sequence.</summary>
    /// <param name="year">The year.</param>
    /// <param name="sequence">The position, from 1.</param>
    public string Format(int year, long sequence)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Placeholder().Matches(_pattern))
        {
            result.Append(_pattern, last, match.Index - last);
            result.Append(match.Groups["name"].Value switch
            {
                "yyyy" => year.ToString("0000", CultureInfo.InvariantCulture),
                "yy" => (year % 100).ToString("00", CultureInfo.InvariantCulture),
                _ => sequence.ToString(match.Groups["width"].Success ? match.Groups["width"].Value : "0", CultureInfo.InvariantCulture),
            });
            last = match.Index + match.Length;
        }

        result.Append(_pattern, last, _pattern.Length - last);
        return result.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => _pattern;

    [GeneratedRegex(@"\{(?<name>yyyy|yy|seq)(?::(?<width>0{1,12}))?\}")]
    private static partial Regex Placeholder();
}
