using System.Globalization;

namespace CrmBlazor.Sdk.Documents;

/// <summary>An opaque RGB colour.</summary>
/// <param name="Red">Red, 0–255.</param>
/// <param name="Green">Green, 0–255.</param>
/// <param name="Blue">Blue, 0–255.</param>
public readonly record struct DocumentColor(byte Red, byte Green, byte Blue)
{
    /// <summary>Black.</summary>
    public static DocumentColor Black { get; } = new(0, 0, 0);

    /// <summary>White.</summary>
    public static DocumentColor White { get; } = new(255, 255, 255);

    /// <summary>A mid grey for secondary text and rules.</summary>
    public static DocumentColor Gray { get; } = new(110, 110, 110);

    /// <summary>A light grey for table header backgrounds.</summary>
    public static DocumentColor LightGray { get; } = new(235, 235, 235);

    /// <summary>Reads a colour written as <c>#rrggbb</c> or <c>rrggbb</c>.</summary>
    /// <param name="hex">The colour.</param>
    /// <exception cref="FormatException">The text is not six hexadecimal digits.</exception>
    public static DocumentColor FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.AsSpan().TrimStart('#');
        if (digits.Length != 6 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{hex}' is not a colour written as #rrggbb.");
        }

        return new DocumentColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }
}
