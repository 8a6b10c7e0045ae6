using System.Runtime.CompilerServices;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>Builds a segment's rules and saves it through <see cref="SegmentService"/> as a manager, as the editor does.</summary>
/// <example><code>var id = await new SegmentBuilder().MatchingAny().Where(SegmentFields.Tag, SegmentOperator.HasTag, "vip").SaveAsync(host);</code></example>
public sealed class SegmentBuilder
{
    // One manager per host: creating a user hashes a password, which adds up over many segments.
    private static readonly ConditionalWeakTable<CrmHostFactory, Task<TestUser>> Managers = [];

    private readonly SegmentDefinition _definition = new();
    private string _name = "Segment " + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The rules built so far.</summary>
    public SegmentDefinition Definition => _definition;

    /// <summary>Names the segment (a unique name otherwise).</summary>
    public SegmentBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Customers must match at least one rule.</summary>
    public SegmentBuilder MatchingAny()
    {
        _definition.Match = SegmentMatch.Any;
        return this;
    }

    /// <summary>Adds a rule.</summary>
    public SegmentBuilder Where(string field, SegmentOperator op, string? value = null)
    {
        _definition.Rules.Add(new SegmentRule { Field = field, Operator = op, Value = value });
        return this;
    }

    /// <summary>Saves the segment (which refreshes its membership) and returns its id.</summary>
    /// <param name="host">The host.</param>
    /// <exception cref="InvalidOperationException">The service refused the segment.</exception>
    public async Task<long> SaveAsync(CrmHostFactory host)
    {
        var result = await AsManagerAsync(host, s => s.CreateAsync(new SegmentInput { Name = _name, Definition = _definition }));
        return result is { Succeeded: true, Id: { } id }
            ? id
            : throw new InvalidOperationException($"The segment was refused ({result.Status}): {string.Join(" ", result.Messages)}");
    }

    /// <summary>Runs code with the host's <see cref="SegmentService"/> signed in as a manager (who holds crm.segments.manage).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="action">The code.</param>
    public static async Task<T> AsManagerAsync<T>(CrmHostFactory host, Func<SegmentService, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(action);
        var manager = await Managers.GetValue(host, h => h.CreateUserAsync(CrmRoles.Manager));
        return await host.AsUserAsync(manager, services => action(services.GetRequiredService<SegmentService>()));
    }
}
