using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Testing.Forms;

/// <summary>
/// The checks that keep every text field's limit in step with its validation and with the circuit: a
/// scan of a project's Razor files for text fields (MudTextField, MudAutocomplete, MudNumericField,
/// InputText, input, textarea) without a <c>MaxLength</c> taken from the model or a named limit, and
/// of an assembly's models for a length limit longer than the circuit is sized for. One source file
/// linked into the host's and each plugin's unit tests, which reference nothing of each other.
/// </summary>
internal static partial class TextFieldLimits
{
    /// <summary>Text fields in the Razor files under a folder that take no limit, or a bare number, or another property's limit.</summary>
    /// <param name="folder">A project's folder.</param>
    /// <returns>"file:line: what is wrong" for each such field.</returns>
    public static List<string> FieldsWithoutTheirLimit(string folder)
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (Match field in TextField().Matches(text))
            {
                var tag = StartTag(text, field.Index);
                var where = $"{Path.GetRelativePath(folder, file)}:{text.AsSpan(0, field.Index).Count('\n') + 1}";
                if (ReadOnly().IsMatch(tag) || NotText().IsMatch(tag))
                {
                    continue;
                }

                var limit = Limit().Match(tag);
                var bound = BoundTo().Match(tag);
                if (!limit.Success)
                {
                    problems.Add($"{where}: <{field.Groups[1].Value}> has no MaxLength (maxlength on an input)");
                }
                else if (int.TryParse(limit.Groups[1].Value.TrimStart('@'), out _))
                {
                    problems.Add($"{where}: <{field.Groups[1].Value}> has the number {limit.Groups[1].Value} as its limit; take it from the model with InputLimits.Of");
                }
                else if (bound.Success && LimitOf().Match(limit.Groups[1].Value) is { Success: true } of && of.Groups[1].Value != bound.Groups[1].Value)
                {
                    problems.Add($"{where}: <{field.Groups[1].Value}> binds {bound.Groups[1].Value} but takes the limit of {of.Groups[1].Value}");
                }
            }
        }

        return problems;
    }

    /// <summary>Length limits of an assembly's models longer than the longest text the circuit carries (<see cref="InputLimits.Longest"/>).</summary>
    /// <param name="assembly">The host's or a plugin's assembly.</param>
    public static List<string> LimitsLongerThanTheCircuitCarries(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => (Property: p, Limit: p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? p.GetCustomAttribute<MaxLengthAttribute>()?.Length))
            .Where(p => p.Limit > InputLimits.Longest)
            .Select(p => $"{p.Property.DeclaringType?.Name}.{p.Property.Name}: {p.Limit}")];

    /// <summary>The number of limited string properties found, to guard the check itself.</summary>
    /// <param name="assembly">The assembly.</param>
    public static int LimitedProperties(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => t.GetProperties()).Count(p => p.IsDefined(typeof(StringLengthAttribute)));

    // The start tag from its '<' to the '>' outside quotes. Razor's nested quotes (Label="@L["Name"]")
    // come in pairs, so counting quotes still finds the end.
    private static string StartTag(string text, int start)
    {
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '>' && !quoted)
            {
                return text[start..(i + 1)];
            }
        }

        return text[start..];
    }

    [GeneratedRegex(@"<(MudTextField|MudAutocomplete|MudNumericField|InputTextArea|InputText|InputNumber|input|textarea)[\s/>]")]
    private static partial Regex TextField();

    [GeneratedRegex(@"\s(?:ReadOnly=""true""|readonly\b)")]
    private static partial Regex ReadOnly();

    [GeneratedRegex(@"\stype=""(?:checkbox|radio|hidden|file|submit|button)""")]
    private static partial Regex NotText();

    [GeneratedRegex(@"\s(?:MaxLength|maxlength)=""([^""]+)""")]
    private static partial Regex Limit();

    [GeneratedRegex(@"\s(?:@bind-Value|Value)=""@?([^""]+)""")]
    private static partial Regex BoundTo();

    [GeneratedRegex(@"InputLimits\.Of\(\(\) => ([^)]+)\)")]
    private static partial Regex LimitOf();
}
