namespace CrmBlazor.Host.Features.Figures;

/// <summary>
/// A figure a plugin keeps about a customer (lifetime revenue, open projects), stored by the core so
/// that segments can filter on it in SQL.
/// </summary>
[CrmBlazor.Sdk.Data.NotAudited]
public sealed class CustomerFigure
{
    /// <summary>The figure id, e.g. <c>invoicing.lifetime-revenue</c>.</summary>
    public required string FigureId { get; set; }

    /// <summary>The customer.</summary>
    public long CustomerId { get; set; }

    /// <summary>The value of a number or money figure.</summary>
    public double? NumberValue { get; set; }

    /// <summary>The value of a date figure.</summary>
    public DateTimeOffset? DateValue { get; set; }

    /// <summary>When the plugin last set it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
