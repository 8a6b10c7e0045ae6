using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Features.Import;

/// <summary>
/// A message about an import, in English with placeholders ({0}) for the values from the file, so
/// that pages translate the sentence and insert the values unchanged.
/// </summary>
/// <param name="Text">The English sentence, the resource key.</param>
/// <param name="Arguments">The values for the placeholders.</param>
public sealed record ImportMessage(string Text, IReadOnlyList<string> Arguments)
{
    /// <summary>A message with values.</summary>
    /// <param name="text">The English sentence.</param>
    /// <param name="arguments">The values for its placeholders.</param>
    public static ImportMessage Of(string text, params string[] arguments) => new(text, arguments);

    /// <summary>The message in the user's language.</summary>
    /// <param name="localizer">The localizer.</param>
    public string Format(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var text = localizer[Text].Value;
        return Arguments.Count == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, [.. Arguments]);
    }

    /// <summary>The message in English, for logs and tests.</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Text : string.Format(CultureInfo.InvariantCulture, Text, [.. Arguments]);
}

/// <summary>A problem found in an import file.</summary>
/// <param name="Row">The row number as a spreadsheet shows it (the header is row 1), or null for the whole file.</param>
/// <param name="Column">The column's header in the file, or null for the whole row.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ImportError(int? Row, string? Column, ImportMessage Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Row is { } row ? "Row " + row.ToString(CultureInfo.InvariantCulture) : "File")}{(Column is null ? string.Empty : ", " + Column)}: {Message}";
}
