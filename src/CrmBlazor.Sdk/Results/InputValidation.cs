using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Sdk.Results;

/// <summary>
/// The one way input is validated on the server, by the host and plugins alike: the data annotations
/// and <see cref="IValidatableObject"/> rules of the input model (the ones its form shows while the
/// user types), including the items of its collections.
/// </summary>
public static class InputValidation
{
    /// <summary>Validates an input model and the models in its collections.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Messages per member ("Addresses[0].Country" for an item's), for <see cref="ChangeResult.Invalid(IReadOnlyDictionary{string, Problem[]})"/>; empty when valid.</returns>
    public static Dictionary<string, Problem[]> Validate(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().Select(m => new Problem(m)).ToArray());

        foreach (var property in input.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length == 0 && property.GetValue(input) is System.Collections.IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && item.GetType().IsClass && item is not string)
                    {
                        foreach (var (member, problems) in Validate(item))
                        {
                            errors[$"{property.Name}[{index}].{member}"] = problems;
                        }
                    }

                    index++;
                }
            }
        }

        return errors;
    }
}
