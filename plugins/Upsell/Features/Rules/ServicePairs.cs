namespace CrmBlazor.Plugins.Upsell.Features.Rules;

/// <summary>
/// How often services are bought together, counted once over every customer's set of services (the
/// companion-service rule's statistics). Services get dense indexes so the pair counts are one array:
/// counting is O(customers × services per customer²), and finding each customer's best missing companion
/// is at worst O(customers × services²), with small constants (no dictionary lookups in the loops).
/// </summary>
internal sealed class ServicePairs
{
    private readonly long[] _services;
    private readonly int[] _buyers;
    private readonly int[,] _both;
    private readonly List<int[]> _baskets;
    private readonly List<long> _customers;

    private ServicePairs(long[] services, int[] buyers, int[,] both, List<long> customers, List<int[]> baskets)
    {
        (_services, _buyers, _both, _customers, _baskets) = (services, buyers, both, customers, baskets);
    }

    /// <summary>Customers buying at least one service.</summary>
    public int Customers => _customers.Count;

    /// <summary>Counts the services of every customer.</summary>
    /// <param name="baskets">The services each customer buys, by customer (a customer without any is left out).</param>
    public static ServicePairs Count(IReadOnlyDictionary<long, HashSet<long>> baskets)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        var services = baskets.Values.SelectMany(s => s).Distinct().Order().ToArray();
        var index = new Dictionary<long, int>(services.Length);
        for (var i = 0; i < services.Length; i++)
        {
            index[services[i]] = i;
        }

        var buyers = new int[services.Length];
        var both = new int[services.Length, services.Length];
        var customers = new List<long>(baskets.Count);
        var indexed = new List<int[]>(baskets.Count);
        foreach (var (customer, bought) in baskets.OrderBy(b => b.Key))
        {
            if (bought.Count == 0)
            {
                continue;
            }

            var basket = bought.Select(s => index[s]).Order().ToArray();
            customers.Add(customer);
            indexed.Add(basket);
            for (var i = 0; i < basket.Length; i++)
            {
                buyers[basket[i]]++;
                for (var j = i + 1; j < basket.Length; j++)
                {
                    both[basket[i], basket[j]]++;
                    both[basket[j], basket[i]]++;
                }
            }
        }

        return new ServicePairs(services, buyers, both, customers, indexed);
    }

    /// <summary>The figures of a pair (A bought, B its companion); zeros for services nobody buys.</summary>
    /// <param name="a">Service A.</param>
    /// <param name="b">Service B.</param>
    public ServicePair Pair(long a, long b)
    {
        var i = Array.BinarySearch(_services, a);
        var j = Array.BinarySearch(_services, b);
        return new ServicePair(a, b, i >= 0 && j >= 0 && i != j ? _both[i, j] : 0, i >= 0 ? _buyers[i] : 0, j >= 0 ? _buyers[j] : 0, Customers);
    }

    /// <summary>
    /// Every customer buying a service A but not a service B where the pair meets the thresholds, with the
    /// best such pair (highest confidence, then lift, then customers buying both, then the lowest ids).
    /// </summary>
    /// <param name="thresholds">The thresholds a pair must meet.</param>
    /// <param name="recommendable">Whether B may be offered (a service still sold).</param>
    public IEnumerable<(long CustomerId, ServicePair Pair)> BestMissing(PairThresholds thresholds, Func<long, bool> recommendable)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(recommendable);
        var count = _services.Length;
        // The pairs meeting the thresholds, best first, per service A: computed once, services² at most.
        var companions = new (int B, ServicePair Pair)[count][];
        for (var a = 0; a < count; a++)
        {
            var list = new List<(int B, ServicePair Pair)>();
            for (var b = 0; b < count; b++)
            {
                if (a != b && _both[a, b] > 0 && recommendable(_services[b]))
                {
                    var pair = new ServicePair(_services[a], _services[b], _both[a, b], _buyers[a], _buyers[b], Customers);
                    if (pair.Meets(thresholds))
                    {
                        list.Add((b, pair));
                    }
                }
            }

            list.Sort((x, y) => ServicePair.BestFirst(x.Pair, y.Pair));
            companions[a] = [.. list];
        }

        for (var c = 0; c < _baskets.Count; c++)
        {
            var basket = _baskets[c];
            ServicePair? best = null;
            foreach (var a in basket)
            {
                foreach (var (b, pair) in companions[a])
                {
                    if (Array.BinarySearch(basket, b) < 0)
                    {
                        if (best is null || ServicePair.BestFirst(pair, best.Value) < 0)
                        {
                            best = pair;
                        }

                        break;
                    }
                }
            }

            if (best is { } found)
            {
                yield return (_customers[c], found);
            }
        }
    }
}

/// <summary>What a pair of services must reach for the companion-service rule.</summary>
/// <param name="MinConfidencePercent">Least share of A's buyers who also buy B, in percent.</param>
/// <param name="MinLift">Least lift (how much likelier B is among A's buyers than among all).</param>
/// <param name="MinCustomers">Least customers buying both.</param>
internal sealed record PairThresholds(decimal MinConfidencePercent, decimal MinLift, int MinCustomers);

/// <summary>
/// A pair of services over the customers: <see cref="Both"/> buy A and B, <see cref="BuyersOfA"/> buy A,
/// <see cref="BuyersOfB"/> buy B, out of <see cref="Customers"/> buying anything.
/// </summary>
/// <param name="A">The service bought.</param>
/// <param name="B">Its companion.</param>
/// <param name="Both">Customers buying both.</param>
/// <param name="BuyersOfA">Customers buying A.</param>
/// <param name="BuyersOfB">Customers buying B.</param>
/// <param name="Customers">Customers buying any service.</param>
internal readonly record struct ServicePair(long A, long B, int Both, int BuyersOfA, int BuyersOfB, int Customers)
{
    /// <summary>Both ÷ all customers, in percent.</summary>
    public decimal SupportPercent => Customers == 0 ? 0m : Both * 100m / Customers;

    /// <summary>Both ÷ buyers of A, in percent.</summary>
    public decimal ConfidencePercent => BuyersOfA == 0 ? 0m : Both * 100m / BuyersOfA;

    /// <summary>Confidence ÷ the share of all customers buying B: both × all ÷ (buyers of A × buyers of B).</summary>
    public decimal Lift => BuyersOfA == 0 || BuyersOfB == 0 ? 0m : (decimal)Both * Customers / ((decimal)BuyersOfA * BuyersOfB);

    /// <summary>Whether the pair reaches the thresholds, compared in whole numbers where it can (no rounding at the edge).</summary>
    /// <param name="thresholds">The thresholds.</param>
    public bool Meets(PairThresholds thresholds) =>
        Both >= thresholds.MinCustomers
        && Both * 100m >= thresholds.MinConfidencePercent * BuyersOfA
        && (decimal)Both * Customers >= thresholds.MinLift * BuyersOfA * BuyersOfB;

    /// <summary>Orders the better pair first: confidence, lift, customers buying both, then the ids.</summary>
    public static int BestFirst(ServicePair x, ServicePair y)
    {
        // Confidences compared as cross products: both ÷ buyers of A, without rounding.
        var order = ((decimal)y.Both * x.BuyersOfA).CompareTo((decimal)x.Both * y.BuyersOfA);
        order = order != 0 ? order : y.Lift.CompareTo(x.Lift);
        order = order != 0 ? order : y.Both.CompareTo(x.Both);
        order = order != 0 ? order : x.B.CompareTo(y.B);
        return order != 0 ? order : x.A.CompareTo(y.A);
    }
}
