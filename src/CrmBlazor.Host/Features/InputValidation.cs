using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features;

/// <summary>
/// The one way input is validated on the server: the data annotations of the input model, the same
/// ones the forms show while the user types.
/// </summary>
public static class InputValidation
{
    /// <summary>Validates an input model and its nested collections.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Messages per member; empty when valid.</returns>
    public static Dictionary<string, string[]> Validate(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());

        foreach (var property in input.GetType().GetProperties())
        {
            if (property.GetValue(input) is System.Collections.IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && item.GetType().IsClass && item is not string)
                    {
                        foreach (var (member, messages) in Validate(item))
                        {
                            errors[$"{property.Name}[{index}].{member}"] = messages;
                        }
                    }

                    index++;
                }
            }
        }

        return errors;
    }
}
