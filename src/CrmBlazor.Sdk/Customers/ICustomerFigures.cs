namespace CrmBlazor.Sdk.Customers;

/// <summary>What kind of value a customer figure holds.</summary>
public enum FigureKind
{
    /// <summary>A count or other number.</summary>
    Number,

    /// <summary>An amount of money in the customer's currency.</summary>
    Money,

    /// <summary>A date.</summary>
    Date,
}

/// <summary>
/// A figure a plugin keeps about every customer, such as lifetime revenue or open projects. Declared
/// with <c>IPluginBuilder.AddCustomerFigure</c>, it can be used in segment rules and shown on the
/// customer page.
/// </summary>
/// <param name="Id">The figure id, prefixed with the plugin id: <c>invoicing.lifetime-revenue</c>.</param>
/// <param name="Title">What users see (localised through the plugin's resources).</param>
/// <param name="Kind">The kind of value.</param>
public sealed record CustomerFigureDefinition(string Id, string Title, FigureKind Kind);

/// <summary>Stores the values of a plugin's customer figures in the core, where segments can use them.</summary>
public interface ICustomerFigures
{
    /// <summary>Sets one customer's figure (null clears it).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="figureId">A figure the plugin declared.</param>
    /// <param name="number">The value of a number or money figure.</param>
    /// <param name="date">The value of a date figure.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task SetAsync(long customerId, string figureId, double? number, DateTimeOffset? date = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a number figure for all customers at once (a nightly recomputation): customers missing
    /// from <paramref name="values"/> lose the figure.
    /// </summary>
    /// <param name="figureId">A figure the plugin declared.</param>
    /// <param name="values">Value per customer id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task ReplaceAllAsync(string figureId, IReadOnlyDictionary<long, double> values, CancellationToken cancellationToken = default);
}
