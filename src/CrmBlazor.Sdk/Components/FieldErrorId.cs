using System.Runtime.CompilerServices;
using System.Text;

namespace CrmBlazor.Sdk.Components;

/// <summary>
/// The id that ties a field to the error text under it, for a message that the page passes itself
/// (<c>ErrorText="@L.ErrorsOf(_result, nameof(Input.Name))"</c>, a server's refusal): pass it as the field's
/// <c>ErrorId</c>, and MudBlazor gives the error text that id and the field <c>aria-describedby</c>, so that a
/// screen reader reads the message with the field. MudBlazor does this by itself only for the messages of its
/// own validation (<c>For</c> in an <c>EditForm</c>, <c>Validation</c>, <c>Required</c>).
/// </summary>
public static class FieldErrorId
{
    private static readonly ConditionalWeakTable<object, string> Prefixes = [];
    private static long _last;

    /// <summary>The id of one field's error text, unique in the page (two dialogs of one kind, rows of one form).</summary>
    /// <param name="owner">The component that shows the field (<c>this</c>).</param>
    /// <param name="field">The field's name, as the result names it (<c>nameof(Input.Name)</c>).</param>
    public static string For(object owner, string field)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(field);
        var prefix = Prefixes.GetValue(owner, _ => "crm-error-" + Interlocked.Increment(ref _last).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var name = new StringBuilder(prefix.Length + field.Length + 1).Append(prefix).Append('-');
        foreach (var c in field)
        {
            // Member paths ("Addresses[0].Street") become plain id characters.
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return name.ToString();
    }
}
