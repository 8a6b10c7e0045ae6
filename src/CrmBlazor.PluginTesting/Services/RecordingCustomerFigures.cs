using CrmBlazor.PluginTesting.Components;
using CrmBlazor.Sdk.Customers;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="ICustomerFigures"/> of a <see cref="PluginTestContext"/>: keeps the figures the plugin
/// set, and refuses a figure the plugin did not declare with <c>AddCustomerFigure</c>, as the host does.
/// </summary>
public sealed class RecordingCustomerFigures : ICustomerFigures
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string FigureId, long CustomerId), (double? Number, DateTimeOffset? Date)> _values = [];
    private readonly Func<PluginRegistrations?> _registrations;

    internal RecordingCustomerFigures(Func<PluginRegistrations?> registrations) => _registrations = registrations;

    /// <summary>A customer's value of a figure, or null when it has none.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="figureId">The figure id.</param>
    public (double? Number, DateTimeOffset? Date)? ValueOf(long customerId, string figureId)
    {
        lock (_lock)
        {
            return _values.TryGetValue((figureId, customerId), out var value) ? value : null;
        }
    }

    /// <summary>Every customer's number of a figure, by customer id.</summary>
    /// <param name="figureId">The figure id.</param>
    public IReadOnlyDictionary<long, double?> NumbersOf(string figureId)
    {
        lock (_lock)
        {
            return _values.Where(v => v.Key.FigureId == figureId).ToDictionary(v => v.Key.CustomerId, v => v.Value.Number);
        }
    }

    /// <inheritdoc />
    public Task SetAsync(long customerId, string figureId, double? number, DateTimeOffset? date = null, CancellationToken cancellationToken = default)
    {
        RequireDeclared(figureId);
        lock (_lock)
        {
            if (number is null && date is null)
            {
                _values.Remove((figureId, customerId));
            }
            else
            {
                _values[(figureId, customerId)] = (number, date?.ToUniversalTime());
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReplaceAllAsync(string figureId, IReadOnlyDictionary<long, double> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireDeclared(figureId);
        lock (_lock)
        {
            foreach (var key in _values.Keys.Where(k => k.FigureId == figureId).ToList())
            {
                _values.Remove(key);
            }

            foreach (var (customerId, number) in values)
            {
                _values[(figureId, customerId)] = (number, null);
            }
        }

        return Task.CompletedTask;
    }

    private void RequireDeclared(string figureId)
    {
        if (_registrations()?.CustomerFigures.Any(f => f.Id == figureId) != true)
        {
            throw new ArgumentException($"The customer figure '{figureId}' is not declared by the plugin.", nameof(figureId));
        }
    }
}
