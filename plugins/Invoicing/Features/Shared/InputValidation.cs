using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Plugins.Invoicing.Features.Shared;

/// <summary>
/// The one way input is validated on the server: the data annotations and <see cref="IValidatableObject"/>
/// rules of the input model (the host validates its own input the same way).
/// </summary>
public static class InputValidation
{
    /// <summary>Validates an input model.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Messages per member; empty when valid.</returns>
    public static Dictionary<string, Problem[]> Validate(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => new Problem(e.Message)).DistinctBy(p => p.Text).ToArray());
    }
}
