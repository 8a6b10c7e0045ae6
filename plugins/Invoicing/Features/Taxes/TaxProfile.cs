namespace CrmBlazor.Plugins.Invoicing.Features.Taxes;

/// <summary>A part of a tax profile: a named tax at a rate (CGST 9%, IGST 18%, VAT 18%).</summary>
/// <param name="Name">The name printed on the invoice.</param>
/// <param name="Rate">The rate as a fraction: 0.09 for 9%.</param>
public sealed record TaxComponent(string Name, decimal Rate);

/// <summary>
/// How a line is taxed: one or more components, each computed on the line's net amount. India's GST
/// within a state is CGST 9% + SGST 9%; across states IGST 18%; Georgia's VAT is 18%; exempt has one
/// component at 0% so that exempt amounts still show as their own group in the totals and exports.
/// </summary>
/// <param name="Key">The key stored on lines (<c>in-gst-intra</c>).</param>
/// <param name="Name">The name printed on the invoice.</param>
/// <param name="Components">The taxes, at least one.</param>
public sealed record TaxProfile(string Key, string Name, IReadOnlyList<TaxComponent> Components)
{
    /// <summary>The sum of the components' rates.</summary>
    public decimal TotalRate => Components.Sum(c => c.Rate);

    /// <summary>The profiles every installation has (configuration can add more or replace these by key).</summary>
    public static IReadOnlyList<TaxProfile> BuiltIn { get; } =
    [
        new("in-gst-intra", "GST (within the state)", [new("CGST", 0.09m), new("SGST", 0.09m)]),
        new("in-gst-inter", "GST (between states)", [new("IGST", 0.18m)]),
        new("ge-vat", "VAT", [new("VAT", 0.18m)]),
        new("exempt", "Exempt", [new("Exempt", 0m)]),
    ];
}

/// <summary>The tax profiles in use: the built-in ones and those configured (<c>Plugins:invoicing:TaxProfiles</c>).</summary>
public sealed class TaxCatalog
{
    private readonly Dictionary<string, TaxProfile> _profiles;

    /// <summary>Creates the catalog.</summary>
    /// <param name="profiles">The profiles; later ones replace earlier ones of the same key.</param>
    public TaxCatalog(IEnumerable<TaxProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = new Dictionary<string, TaxProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            _profiles[profile.Key] = profile;
        }
    }

    /// <summary>Every profile, by name.</summary>
    public IReadOnlyList<TaxProfile> All => [.. _profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>The profile of a key, or null.</summary>
    /// <param name="key">The key.</param>
    public TaxProfile? Find(string? key) => key is not null && _profiles.TryGetValue(key, out var profile) ? profile : null;

    /// <summary>Whether a profile of this key exists.</summary>
    /// <param name="key">The key.</param>
    public bool Contains(string? key) => Find(key) is not null;
}
