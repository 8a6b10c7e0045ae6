using System.Text;

namespace CrmBlazor.Data.Modeling;

/// <summary>How owners' ids become table-name prefixes.</summary>
public static class TableNames
{
    /// <summary>The prefix for an owner id: lower case, with anything but letters and digits turned into '_'.</summary>
    /// <param name="ownerId">A plugin id, or <see cref="CrmDbContextOptions.CoreOwnerId"/>.</param>
    public static string PrefixOf(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        var prefix = new StringBuilder(ownerId.Length);
        foreach (var c in ownerId.ToLowerInvariant())
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return prefix.ToString();
    }

    /// <summary>The table name with the owner's prefix, unless it already has it.</summary>
    /// <param name="ownerId">The owner id.</param>
    /// <param name="table">The table name the model gives.</param>
    public static string Prefixed(string ownerId, string table)
    {
        var prefix = PrefixOf(ownerId) + "_";
        return table.StartsWith(prefix, StringComparison.Ordinal) ? table : prefix + table;
    }
}
