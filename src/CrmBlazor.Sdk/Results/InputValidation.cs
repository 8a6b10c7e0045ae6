using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace CrmBlazor.Sdk.Results;

/// <summary>
/// The one way input is validated on the server, by the host and plugins alike: the data annotations
/// and <see cref="IValidatableObject"/> rules of the input model (the ones its form shows while the
/// user types), including the items of its collections and the objects of the model's own assembly it
/// holds, and the rule of <see cref="UserText"/> on every string the model takes (settable string
/// properties, and the strings of string collections such as tags): no control characters, no
/// direction overrides. No annotation is needed for that rule, so it cannot be forgotten; mark
/// multi-line properties with <see cref="MultilineTextAttribute"/>.
/// </summary>
public static class InputValidation
{
    // Deep enough for any input model; a guard against reference cycles.
    private const int MaximumDepth = 8;

    /// <summary>Validates an input model and the models it holds.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Messages per member ("Addresses[0].Country" for an item's, "Definition.Rules[0].Value" for a nested model's), for <see cref="ChangeResult.Invalid(IReadOnlyDictionary{string, Problem[]})"/>; empty when valid.</returns>
    public static Dictionary<string, Problem[]> Validate(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Validate(input, depth: 0);
    }

    private static Dictionary<string, Problem[]> Validate(object input, int depth)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().Select(m => new Problem(m)).ToArray());

        var modelAssembly = input.GetType().Assembly;
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var kind = property.IsDefined(typeof(MultilineTextAttribute)) ? TextKind.Multiline : TextKind.SingleLine;
            switch (property.GetValue(input))
            {
                case string text when property.SetMethod?.IsPublic == true:
                    Add(errors, property.Name, UserText.Check(text, kind));
                    break;
                case IEnumerable<string> texts:
                    Add(errors, property.Name, texts.Select(t => UserText.Check(t, kind)).FirstOrDefault(p => p is not null));
                    break;
                case IEnumerable items and not string when depth < MaximumDepth:
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && item.GetType().IsClass)
                        {
                            AddNested(errors, $"{property.Name}[{index}].", Validate(item, depth + 1));
                        }

                        index++;
                    }

                    break;
                case { } nested when depth < MaximumDepth && nested.GetType().IsClass && nested.GetType().Assembly == modelAssembly:
                    AddNested(errors, property.Name + ".", Validate(nested, depth + 1));
                    break;
            }
        }

        return errors;
    }

    private static void Add(Dictionary<string, Problem[]> errors, string member, Problem? problem)
    {
        if (problem is not null)
        {
            errors[member] = errors.TryGetValue(member, out var existing) ? [.. existing, problem] : [problem];
        }
    }

    private static void AddNested(Dictionary<string, Problem[]> errors, string prefix, Dictionary<string, Problem[]> nested)
    {
        foreach (var (member, problems) in nested)
        {
            errors[prefix + member] = problems;
        }
    }
}
