using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;

namespace CrmBlazor.Sdk.Results;

/// <summary>
/// The maximum length of a form's text fields, taken from the input model's validation so that the
/// field and the server agree and the number is written once, in the model:
/// <c>&lt;MudTextField @bind-Value="_input.Name" MaxLength="@InputLimits.Of(() =&gt; _input.Name)" /&gt;</c>.
/// The field's <c>maxlength</c> stops typing and pasting at the limit, and everything a field sends fits
/// the browser's connection to the server (see <see cref="Longest"/>). Give every text field a limit:
/// one from the model, or <see cref="Search"/> or <see cref="Number"/> for fields that have none.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The longest text one field may take (its <see cref="StringLengthAttribute"/> or
    /// <see cref="MaxLengthAttribute"/>). The host sizes the messages of the browser's connection so
    /// that a field this long arrives whatever characters it holds, and the browser cuts a longer value
    /// (one set by a script) to it before sending. A model must not allow more: longer texts need an
    /// upload, not a field.
    /// </summary>
    public const int Longest = 8000;

    /// <summary>The limit of search boxes and filters: long enough for any name, short enough for an address bar.</summary>
    public const int Search = 200;

    /// <summary>The limit of numbers, amounts and hours typed as text.</summary>
    public const int Number = 30;

    private static readonly ConcurrentDictionary<PropertyInfo, int> Limits = new();

    /// <summary>The maximum length the model's validation gives a property.</summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="field">The property, as the form binds it: <c>() =&gt; _input.Name</c>.</param>
    /// <exception cref="ArgumentException">The expression is not a property.</exception>
    /// <exception cref="InvalidOperationException">The property has no <see cref="StringLengthAttribute"/> or <see cref="MaxLengthAttribute"/>.</exception>
    public static int Of<T>(Expression<Func<T>> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Body is MemberExpression { Member: PropertyInfo property }
            ? Of(property)
            : throw new ArgumentException("Pass the property the field binds, as in () => _input.Name.", nameof(field));
    }

    /// <summary>The maximum length the model's validation gives a property.</summary>
    /// <param name="property">The property.</param>
    /// <exception cref="InvalidOperationException">The property has no <see cref="StringLengthAttribute"/> or <see cref="MaxLengthAttribute"/>.</exception>
    public static int Of(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return Limits.GetOrAdd(property, static p =>
            p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
            ?? p.GetCustomAttribute<MaxLengthAttribute>()?.Length
            ?? throw new InvalidOperationException(
                $"{p.DeclaringType?.Name}.{p.Name} has no [StringLength] or [MaxLength]: give it one, its form field takes the limit from there."));
    }
}
