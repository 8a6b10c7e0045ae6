namespace CrmBlazor.Host.Features.Segments;

/// <summary>A field as the rule builder offers it: with its title in the user's language.</summary>
/// <param name="Field">The field.</param>
/// <param name="Title">The title, translated by the field owner's resources.</param>
public sealed record SegmentFieldOption(SegmentField Field, string Title);

/// <summary>What the rule builder offers: the fields, the users (account managers) and the existing tags.</summary>
/// <param name="Fields">The fields available now.</param>
/// <param name="Users">Users by id and display name.</param>
/// <param name="Tags">Existing tags, by name.</param>
public sealed record SegmentRuleChoices(
    IReadOnlyList<SegmentFieldOption> Fields,
    IReadOnlyList<(string Id, string Name)> Users,
    IReadOnlyList<string> Tags)
{
    /// <summary>Nothing to offer (before loading).</summary>
    public static SegmentRuleChoices Empty { get; } = new([], [], []);

    /// <summary>The option of a field id, or null if no loaded plugin offers it any more.</summary>
    /// <param name="fieldId">The field id stored in a rule.</param>
    public SegmentFieldOption? Find(string fieldId) => Fields.FirstOrDefault(f => f.Field.Id == fieldId);

}
