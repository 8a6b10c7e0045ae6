using System.Globalization;

namespace CrmBlazor.Sdk.Upsell;

/// <summary>
/// A rule that finds customers likely to buy more, for the upsell detection plugin. Any plugin may add
/// one by registering it as a service (<c>builder.Services.AddScoped&lt;IUpsellRule, MyRule&gt;()</c>); the
/// upsell plugin evaluates every registered rule in its recurring job and keeps one opportunity per
/// customer and rule.
/// </summary>
/// <remarks>
/// <para>
/// A rule evaluates <b>set-based</b>: one call returns the hits of every customer, from one query or a
/// few (the bulk queries of the SDK's facts contracts), never a query per customer.
/// </para>
/// <para>
/// A hit carries its evidence as invariant values, stored with the opportunity; the rule turns them
/// into words in the reader's language when the opportunity is shown (<see cref="Explain"/>), so an
/// opportunity found at night reads in Urdu for an Urdu reader and in English for an English one.
/// </para>
/// </remarks>
public interface IUpsellRule
{
    /// <summary>
    /// The rule's id, prefixed with the id of the plugin that adds it (<c>upsell.budget-burn</c>,
    /// <c>acme.warranty-ending</c>). Stored with every opportunity: never change it once released.
    /// </summary>
    string Id { get; }

    /// <summary>The rule's name in the current UI culture ("Budget burn").</summary>
    string Name { get; }

    /// <summary>What the rule looks for, one or two sentences in the current UI culture.</summary>
    string Description { get; }

    /// <summary>
    /// The settings an admin can change (thresholds, windows), with their defaults. The upsell plugin
    /// stores the values and passes them to <see cref="EvaluateAsync"/>.
    /// </summary>
    IReadOnlyList<UpsellRuleSetting> Settings { get; }

    /// <summary>
    /// Finds the hits of every customer at once. At most one hit per customer counts: when a rule
    /// returns several for one customer, the one with the highest score is kept.
    /// </summary>
    /// <param name="evaluation">The day of the evaluation and the settings' current values.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    Task<IReadOnlyList<UpsellHit>> EvaluateAsync(UpsellEvaluation evaluation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a hit's evidence into words in the current UI culture: the reason in one sentence with the
    /// numbers behind it ("Budget 120 h, 111 h logged (92 %) on Website relaunch; threshold 90 %") and
    /// the evidence as labelled values.
    /// </summary>
    /// <param name="evidence">The evidence stored with the opportunity.</param>
    UpsellExplanation Explain(UpsellEvidence evidence);
}

/// <summary>What kind of value a rule setting holds.</summary>
public enum UpsellSettingKind
{
    /// <summary>A percentage (90 means 90 %).</summary>
    Percent,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>A number of months.</summary>
    Months,

    /// <summary>A number of hours.</summary>
    Hours,

    /// <summary>Any other number.</summary>
    Number,
}

/// <summary>A setting of a rule an admin can change.</summary>
/// <param name="Key">The key, unique within the rule (<c>threshold-percent</c>).</param>
/// <param name="Label">What admins see, in the current UI culture.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Default">The value until an admin changes it.</param>
/// <param name="Minimum">The smallest value accepted.</param>
/// <param name="Maximum">The largest value accepted.</param>
public sealed record UpsellRuleSetting(string Key, string Label, UpsellSettingKind Kind, decimal Default, decimal Minimum, decimal Maximum);

/// <summary>One evaluation of a rule: the day it runs for and the values of the rule's settings.</summary>
/// <param name="Today">The day the evaluation runs for (the firm's today; windows end here).</param>
/// <param name="Values">The value of every setting of the rule, by key (defaults filled in).</param>
public sealed record UpsellEvaluation(DateOnly Today, IReadOnlyDictionary<string, decimal> Values)
{
    /// <summary>The value of a setting.</summary>
    /// <param name="key">The setting's key.</param>
    /// <exception cref="KeyNotFoundException">The rule declares no such setting.</exception>
    public decimal Setting(string key) =>
        Values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The rule has no setting '{key}'.");
}

/// <summary>A customer the rule found.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="SituationKey">
/// What situation the hit is about, within the customer and rule (<c>project:17</c>,
/// <c>service:4</c>). An opportunity won, lost or dismissed for one situation is not opened again for
/// the same situation; a new situation (another project over budget) opens a new one once the last is
/// closed. At most 200 characters.
/// </param>
/// <param name="Score">How strong the signal is, 0 to 100: the pipeline sorts by it.</param>
/// <param name="Evidence">The numbers behind the hit, put into words by <see cref="IUpsellRule.Explain"/>.</param>
/// <param name="EstimatedValue">What the sale could be worth, in <paramref name="Currency"/>, or null.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="EstimatedValue"/>, or null.</param>
public sealed record UpsellHit(long CustomerId, string SituationKey, decimal Score, UpsellEvidence Evidence, decimal? EstimatedValue = null, string? Currency = null);

/// <summary>
/// The numbers and names behind a hit, as invariant strings by key (numbers with
/// <see cref="CultureInfo.InvariantCulture"/>, dates as <c>yyyy-MM-dd</c>): stored as they are, read
/// back by the rule that made them.
/// </summary>
public sealed class UpsellEvidence
{
    private readonly Dictionary<string, string> values;

    /// <summary>Evidence holding these values.</summary>
    /// <param name="values">The values by key.</param>
    public UpsellEvidence(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>Empty evidence, to add values to.</summary>
    public UpsellEvidence()
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The values by key.</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>Adds or replaces a text.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The text.</param>
    /// <returns>This evidence, to chain.</returns>
    public UpsellEvidence With(string key, string value)
    {
        values[key] = value;
        return this;
    }

    /// <summary>Adds or replaces a number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The number.</param>
    /// <returns>This evidence, to chain.</returns>
    public UpsellEvidence With(string key, decimal value) => With(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds or replaces a day.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The day.</param>
    /// <returns>This evidence, to chain.</returns>
    public UpsellEvidence With(string key, DateOnly value) => With(key, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A text, or null when missing.</summary>
    /// <param name="key">The key.</param>
    public string? Text(string key) => values.GetValueOrDefault(key);

    /// <summary>A number, or null when missing or not a number.</summary>
    /// <param name="key">The key.</param>
    public decimal? Number(string key) =>
        values.TryGetValue(key, out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A day, or null when missing or not a day.</summary>
    /// <param name="key">The key.</param>
    public DateOnly? Date(string key) =>
        values.TryGetValue(key, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>A hit put into words.</summary>
/// <param name="Reason">One sentence with the numbers behind it.</param>
/// <param name="Lines">The evidence as labelled values, in the order to show them.</param>
public sealed record UpsellExplanation(string Reason, IReadOnlyList<UpsellEvidenceLine> Lines);

/// <summary>A labelled value of the evidence.</summary>
/// <param name="Label">What the value is ("Budget").</param>
/// <param name="Value">The value, formatted for the current culture ("120 h").</param>
/// <param name="Href">A page of the CRM the value links to (the project), or null.</param>
public sealed record UpsellEvidenceLine(string Label, string Value, string? Href = null);
