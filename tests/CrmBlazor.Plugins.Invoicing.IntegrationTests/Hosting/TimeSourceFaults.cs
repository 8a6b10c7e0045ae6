using CrmBlazor.Sdk.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>A moment between two steps of invoicing work, seen from the calls it makes to the projects plugin.</summary>
public enum TimeSourceStep
{
    /// <summary>Before the customers with unbilled time are asked for (a run has begun, found nobody yet).</summary>
    BeforeCustomers,

    /// <summary>Before a customer's unbilled time is asked for (the customers before it are finished).</summary>
    BeforeUnbilled,

    /// <summary>Before time is marked billed (its draft exists, nothing is marked).</summary>
    BeforeMark,

    /// <summary>After time was marked billed (the mark is saved, the draft's lines are not).</summary>
    AfterMark,
}

/// <summary>A process dying at a step boundary: nothing after it runs, no clean-up either.</summary>
public sealed class SimulatedCrashException(TimeSourceStep step) : Exception($"Simulated crash at {step}.");

/// <summary>
/// Arms a crash at the n-th passing of a step of the billable time contract, once. The host's
/// <see cref="IBillableTimeSource"/> is wrapped by <see cref="AddTimeSourceFaults"/>; unarmed, the wrapper
/// only passes calls on. Tests of one host collection run one after the other, so one armed crash
/// meets only the work of the test that armed it.
/// </summary>
public sealed class TimeSourceFaults
{
    private readonly Lock _gate = new();
    private TimeSourceStep? _step;
    private int _remaining;

    /// <summary>Crashes the n-th time work passes a step from now on.</summary>
    /// <param name="step">The step.</param>
    /// <param name="occurrence">Which passing, 1 for the next.</param>
    public void Arm(TimeSourceStep step, int occurrence)
    {
        lock (_gate)
        {
            _step = step;
            _remaining = occurrence;
        }
    }

    /// <summary>Disarms whatever is armed.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _step = null;
        }
    }

    /// <summary>Replaces the host's billable time source by one that crashes where <see cref="TimeSourceFaults"/> says.</summary>
    /// <param name="services">The host's services, with the projects plugin's registrations.</param>
    public static void AddTimeSourceFaults(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.Single(d => d.ServiceType == typeof(IBillableTimeSource));
        var implementation = original.ImplementationType
            ?? throw new InvalidOperationException("The projects plugin registers its billable time source by type; the faults wrap that type.");
        services.Remove(original);
        services.AddSingleton<TimeSourceFaults>();
        services.Add(ServiceDescriptor.Describe(
            typeof(IBillableTimeSource),
            provider => new FaultyTimeSource((IBillableTimeSource)ActivatorUtilities.CreateInstance(provider, implementation), provider.GetRequiredService<TimeSourceFaults>()),
            original.Lifetime));
    }

    private void Pass(TimeSourceStep step)
    {
        lock (_gate)
        {
            if (_step != step || --_remaining > 0)
            {
                return;
            }

            _step = null;
        }

        throw new SimulatedCrashException(step);
    }

    private sealed class FaultyTimeSource(IBillableTimeSource inner, TimeSourceFaults faults) : IBillableTimeSource
    {
        public Task<IReadOnlyList<BillableTimeEntry>> GetUnbilledAsync(UnbilledTimeQuery query, CancellationToken cancellationToken = default)
        {
            faults.Pass(TimeSourceStep.BeforeUnbilled);
            return inner.GetUnbilledAsync(query, cancellationToken);
        }

        public Task<IReadOnlyList<long>> GetCustomersWithUnbilledTimeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        {
            faults.Pass(TimeSourceStep.BeforeCustomers);
            return inner.GetCustomersWithUnbilledTimeAsync(from, to, cancellationToken);
        }

        public Task<IReadOnlyList<BillableTimeEntry>> GetBilledAsync(long invoiceId, CancellationToken cancellationToken = default) =>
            inner.GetBilledAsync(invoiceId, cancellationToken);

        public async Task<BillingOutcome> MarkBilledAsync(BillingReference invoice, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default)
        {
            faults.Pass(TimeSourceStep.BeforeMark);
            var outcome = await inner.MarkBilledAsync(invoice, entryIds, cancellationToken);
            faults.Pass(TimeSourceStep.AfterMark);
            return outcome;
        }

        public Task<int> NumberBilledAsync(long invoiceId, string documentNumber, CancellationToken cancellationToken = default) =>
            inner.NumberBilledAsync(invoiceId, documentNumber, cancellationToken);

        public Task<int> ReleaseAsync(long invoiceId, IReadOnlyCollection<long>? entryIds = null, CancellationToken cancellationToken = default) =>
            inner.ReleaseAsync(invoiceId, entryIds, cancellationToken);
    }
}
