using CrmBlazor.Sdk.Data;

namespace CrmBlazor.Plugins.Resources.Data;

/// <summary>
/// Someone who can be planned onto projects: a user of the CRM who does project work, or a placeholder
/// for a person not known yet ("Designer, to be hired") that holds allocations until a person replaces it.
/// </summary>
public sealed class Person : IVersionedEntity
{
    public long Id { get; set; }

    /// <summary>The user, or null for a placeholder. One person per user.</summary>
    public string? UserId { get; set; }

    /// <summary>The name shown on the board: the user's name when the person was added, or the placeholder's description.</summary>
    public required string Name { get; set; }

    public long? TeamId { get; set; }

    /// <summary>The user who plans this person (their manager), or null.</summary>
    public string? ManagerUserId { get; set; }

    /// <summary>The public holidays that apply to the person, or null for none.</summary>
    public long? HolidayCalendarId { get; set; }

    /// <summary>Set when a placeholder was replaced by a person (who took over its allocations); it is then no longer planned.</summary>
    public long? ReplacedByPersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>Whether this is a placeholder rather than a user.</summary>
    public bool IsPlaceholder => UserId is null;

    public List<PersonSkill> Skills { get; } = [];
}

/// <summary>A skill of a person with a level from 1 (beginner) to 5 (expert).</summary>
public sealed class PersonSkill
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public required string Skill { get; set; }

    public int Level { get; set; }
}

/// <summary>A team people belong to; the board groups them by it.</summary>
public sealed class Team : IVersionedEntity
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public Guid RowVersion { get; set; }
}
