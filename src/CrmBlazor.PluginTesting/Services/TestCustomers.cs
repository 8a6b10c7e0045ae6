using System.Globalization;
using System.Text;
using CrmBlazor.Sdk.Customers;

namespace CrmBlazor.PluginTesting.Services;

/// <summary>
/// The <see cref="ICustomerDirectory"/> of a <see cref="Components.PluginTestContext"/>: the customers a
/// test adds, so that pages, pickers and tabs that look customers up find them.
/// </summary>
/// <remarks>
/// <see cref="SearchAsync"/> matches each word typed as a prefix of a word of the name, ignoring case,
/// and leaves archived customers out, by name. The host also searches e-mail addresses, phone numbers
/// and tags and folds accents; test that through <see cref="PluginHost"/>, which runs the real host.
/// </remarks>
public sealed class TestCustomers : ICustomerDirectory
{
    private readonly Lock _lock = new();
    private readonly List<CustomerSummary> _customers = [];
    private readonly Dictionary<long, BillingRecipient> _billing = [];

    /// <summary>The customers added, in the order they were added.</summary>
    public IReadOnlyList<CustomerSummary> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _customers];
            }
        }
    }

    /// <summary>Adds a customer with the next id (1, 2, ...).</summary>
    /// <param name="name">The display name, in any script.</param>
    /// <param name="currency">The ISO 4217 code the customer is billed in.</param>
    /// <param name="ownerUserId">The account manager's user id, or null.</param>
    /// <param name="isArchived">Whether the customer is archived (left out of searches).</param>
    /// <returns>The customer as plugins see it.</returns>
    public CustomerSummary Add(string name, string currency = "EUR", string? ownerUserId = null, bool isArchived = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        lock (_lock)
        {
            var customer = new CustomerSummary(_customers.Count + 1, name, currency, ownerUserId, isArchived);
            _customers.Add(customer);
            return customer;
        }
    }

    /// <inheritdoc />
    public Task<CustomerSummary?> GetAsync(long customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_customers.Find(c => c.Id == customerId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, CustomerSummary>> GetManyAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        lock (_lock)
        {
            IReadOnlyDictionary<long, CustomerSummary> found = _customers.Where(c => customerIds.Contains(c.Id)).ToDictionary(c => c.Id);
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        var prefixes = Words(text);
        lock (_lock)
        {
            IReadOnlyList<CustomerSummary> found =
            [
                .. _customers
                    .Where(c => !c.IsArchived)
                    .Where(c => prefixes.All(p => Words(c.Name).Any(w => w.StartsWith(p, StringComparison.Ordinal))))
                    .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
                    .ThenBy(c => c.Id)
                    .Take(Math.Clamp(take, 1, 100)),
            ];
            return Task.FromResult(found);
        }
    }

    /// <summary>Sets where a customer's documents are sent (<see cref="GetBillingRecipientAsync"/>).</summary>
    /// <param name="recipient">The recipient, for its customer.</param>
    public void SetBillingRecipient(BillingRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        lock (_lock)
        {
            _billing[recipient.CustomerId] = recipient;
        }
    }

    /// <inheritdoc />
    public Task<BillingRecipient?> GetBillingRecipientAsync(long customerId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_billing.GetValueOrDefault(customerId));
        }
    }

    // Letters, marks (Indic vowel signs, Arabic harakat) and digits make words; case is ignored.
    private static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
