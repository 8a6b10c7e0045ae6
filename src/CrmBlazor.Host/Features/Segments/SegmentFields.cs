using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Customers;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>The kind of value a segment field holds, which decides its operators.</summary>
public enum SegmentFieldType
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of a fixed set of values.</summary>
    Choice,

    /// <summary>A number or amount.</summary>
    Number,

    /// <summary>A date.</summary>
    Date,

    /// <summary>The customer's tags.</summary>
    Tag,
}

/// <summary>A field segment rules can use.</summary>
/// <param name="Id">The id stored in rules.</param>
/// <param name="Title">What users see (a resource key of the owner).</param>
/// <param name="Type">The kind of value.</param>
/// <param name="OwnerId">The core (<c>crm</c>) or the plugin that declared the figure.</param>
/// <param name="Choices">The values of a choice field.</param>
public sealed record SegmentField(string Id, string Title, SegmentFieldType Type, string OwnerId, IReadOnlyList<string>? Choices = null)
{
    /// <summary>The operators that make sense for the field.</summary>
    public IReadOnlyList<SegmentOperator> Operators => Type switch
    {
        SegmentFieldType.Text => [SegmentOperator.Contains, SegmentOperator.StartsWith, SegmentOperator.Is, SegmentOperator.IsNot, SegmentOperator.IsEmpty, SegmentOperator.IsNotEmpty],
        SegmentFieldType.Choice => [SegmentOperator.Is, SegmentOperator.IsNot],
        SegmentFieldType.Number => [SegmentOperator.GreaterThan, SegmentOperator.AtLeast, SegmentOperator.LessThan, SegmentOperator.AtMost, SegmentOperator.Is, SegmentOperator.IsNot, SegmentOperator.IsEmpty, SegmentOperator.IsNotEmpty],
        SegmentFieldType.Date => [SegmentOperator.WithinLastDays, SegmentOperator.NotWithinLastDays, SegmentOperator.Before, SegmentOperator.OnOrAfter, SegmentOperator.IsEmpty, SegmentOperator.IsNotEmpty],
        _ => [SegmentOperator.HasTag, SegmentOperator.LacksTag],
    };
}

/// <summary>The fields of the core, plus one per customer figure declared by a loaded plugin.</summary>
public static class SegmentFields
{
    /// <summary>Customer name.</summary>
    public const string Name = "name";

    /// <summary>Company or person.</summary>
    public const string Kind = "kind";

    /// <summary>Industry.</summary>
    public const string Industry = "industry";

    /// <summary>E-mail address.</summary>
    public const string Email = "email";

    /// <summary>Billing currency.</summary>
    public const string Currency = "currency";

    /// <summary>Account manager (user id).</summary>
    public const string Owner = "owner";

    /// <summary>Country of any address.</summary>
    public const string Country = "country";

    /// <summary>City of any address.</summary>
    public const string City = "city";

    /// <summary>Tags.</summary>
    public const string Tag = "tag";

    /// <summary>When the customer was created.</summary>
    public const string Created = "created";

    /// <summary>When the latest interaction happened.</summary>
    public const string LastInteraction = "last-interaction";

    /// <summary>Number of interactions.</summary>
    public const string InteractionCount = "interaction-count";

    /// <summary>Number of open complaints.</summary>
    public const string OpenComplaints = "open-complaints";

    /// <summary>Prefix of figure fields: <c>figure:&lt;figure id&gt;</c>.</summary>
    public const string FigurePrefix = "figure:";

    /// <summary>The fields available with the plugins loaded now.</summary>
    /// <param name="catalog">The plugin catalog.</param>
    public static IReadOnlyList<SegmentField> All(PluginCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        const string core = "crm";
        List<SegmentField> fields =
        [
            new(Name, "Name", SegmentFieldType.Text, core),
            new(Kind, "Company or person", SegmentFieldType.Choice, core, ["Company", "Person"]),
            new(Industry, "Industry", SegmentFieldType.Text, core),
            new(Email, "E-mail", SegmentFieldType.Text, core),
            new(Currency, "Currency", SegmentFieldType.Text, core),
            new(Owner, "Account manager", SegmentFieldType.Choice, core),
            new(Country, "Country", SegmentFieldType.Text, core),
            new(City, "City", SegmentFieldType.Text, core),
            new(Tag, "Tag", SegmentFieldType.Tag, core),
            new(Created, "Customer since", SegmentFieldType.Date, core),
            new(LastInteraction, "Last interaction", SegmentFieldType.Date, core),
            new(InteractionCount, "Number of interactions", SegmentFieldType.Number, core),
            new(OpenComplaints, "Open complaints", SegmentFieldType.Number, core),
        ];
        fields.AddRange(catalog.CustomerFigures.Select(f => new SegmentField(
            FigurePrefix + f.Figure.Id,
            f.Figure.Title,
            f.Figure.Kind == FigureKind.Date ? SegmentFieldType.Date : SegmentFieldType.Number,
            f.OwnerId)));
        return fields;
    }
}
