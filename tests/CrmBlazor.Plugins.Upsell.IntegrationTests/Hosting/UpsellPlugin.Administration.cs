using System.Collections;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;

/// <summary>A rule as the rules page shows it to someone.</summary>
public sealed record ShownRule(string RuleId, bool Enabled, IReadOnlyDictionary<string, decimal> Values, Guid RowVersion);

/// <summary>A rule's conversion as the conversion page shows it.</summary>
public sealed record ConversionFigures(
    string RuleId,
    string RuleName,
    int Created,
    int Open,
    int Won,
    int Lost,
    int Dismissed,
    int Resolved,
    double? Conversion,
    double? DecidedConversion,
    IReadOnlyList<(string Currency, decimal Amount)> ValueWon);

/// <summary>An opportunity crafted directly in the database, as a test needs it.</summary>
public sealed record CraftedOpportunity(long CustomerId, string RuleId, string Stage, string? ClosedBecause = null, decimal? Value = null, string? Currency = null)
{
    /// <summary>How long ago it opened.</summary>
    public TimeSpan Age { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The evidence, as the rule stored it (a JSON object of strings).</summary>
    public string Evidence { get; init; } = "{}";

    /// <summary>Why a user dismissed it.</summary>
    public string? DismissReason { get; init; }

    /// <summary>Who owns it.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>Who closed it.</summary>
    public string? ClosedByUserId { get; init; }

    /// <summary>The customer's account manager.</summary>
    public string? AccountManagerUserId { get; init; }
}

/// <summary>The rules page and the conversion page, driven as their pages do.</summary>
public sealed partial class UpsellPlugin
{
    /// <summary>The rules as the rules page shows them to someone (none for who may not manage them).</summary>
    public Task<List<ShownRule>> RulesAsync(Person actor) => AsAsync(actor, async services =>
    {
        dynamic administration = Service(services, "Features.Administration.RuleAdministration");
        var rules = new List<ShownRule>();
        foreach (var rule in await administration.RulesAsync(CancellationToken.None))
        {
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var pair in (IEnumerable<KeyValuePair<string, decimal>>)rule.Values)
            {
                values[pair.Key] = pair.Value;
            }

            rules.Add(new ShownRule((string)rule.Rule.Id, (bool)rule.Enabled, values, (Guid)rule.RowVersion));
        }

        return rules;
    });

    /// <summary>Saves a rule's state and settings as someone, as the rules page does.</summary>
    public Task<Outcome> SaveRuleAsync(Person actor, string ruleId, bool enabled, IReadOnlyDictionary<string, decimal?> values, Guid version) => AsAsync(actor, async services =>
    {
        dynamic input = New("Features.Administration.RuleInput");
        input.Enabled = enabled;
        input.RowVersion = version;
        var target = (IDictionary)input.Values;
        foreach (var (key, value) in values)
        {
            target[key] = value;
        }

        dynamic administration = Service(services, "Features.Administration.RuleAdministration");
        return (Outcome)Read(await administration.SaveAsync(ruleId, input, CancellationToken.None));
    });

    /// <summary>The conversion per rule as someone's page shows it, or null when it is refused to them.</summary>
    /// <param name="actor">Who reads it.</param>
    /// <param name="period">"Last90Days", "Last12Months" or "All".</param>
    public Task<List<ConversionFigures>?> ConversionAsync(Person actor, string period) => AsAsync(actor, async services =>
    {
        dynamic conversion = Service(services, "Features.Conversion.RuleConversion");
        var which = Enum.Parse(Type("Features.Conversion.ConversionPeriod"), period);
        dynamic? rows = await conversion.LoadAsync((dynamic)which, CancellationToken.None);
        if (rows is null)
        {
            return (List<ConversionFigures>?)null;
        }

        var figures = new List<ConversionFigures>();
        foreach (var row in rows)
        {
            var won = new List<(string, decimal)>();
            foreach (var amount in row.ValueWon)
            {
                won.Add(((string)amount.Currency, (decimal)amount.Amount));
            }

            figures.Add(new ConversionFigures((string)row.RuleId, (string)row.RuleName, (int)row.Created, (int)row.Open, (int)row.Won, (int)row.Lost,
                (int)row.Dismissed, (int)row.Resolved, (double?)row.Conversion, (double?)row.DecidedConversion, won));
        }

        return figures;
    });

    /// <summary>Stores a crafted opportunity directly and returns its id.</summary>
    public Task<long> CraftAsync(CraftedOpportunity crafted) => Host.InScopeAsync(async services =>
    {
        ArgumentNullException.ThrowIfNull(crafted);
        await using var db = await ContextAsync(services);
        var type = Type("Data.Opportunity");
        var row = New("Data.Opportunity");
        var now = DateTimeOffset.UtcNow;
        void Set(string name, object? value) => type.GetProperty(name)!.SetValue(row, value);
        Set("CustomerId", crafted.CustomerId);
        Set("RuleId", crafted.RuleId);
        Set("SituationKey", "crafted:" + Guid.NewGuid().ToString("N"));
        Set("Stage", Enum.Parse(Type("Data.OpportunityStage"), crafted.Stage));
        Set("Score", 50d);
        Set("Evidence", crafted.Evidence);
        Set("EstimatedValue", crafted.Value);
        Set("Currency", crafted.Currency);
        Set("OwnerUserId", crafted.OwnerUserId);
        Set("AccountManagerUserId", crafted.AccountManagerUserId);
        Set("DismissReason", crafted.DismissReason);
        Set("OpenedAt", now - crafted.Age);
        Set("EvaluatedAt", now - crafted.Age);
        Set("RowVersion", Guid.NewGuid());
        if (crafted.ClosedBecause is { } closure)
        {
            Set("ClosedBecause", Enum.Parse(Type("Data.OpportunityClosure"), closure));
            Set("ClosedAt", now);
            Set("ClosedByUserId", crafted.ClosedByUserId);
        }

        db.Add(row);
        await db.SaveChangesAsync();
        return (long)((dynamic)row).Id;
    });

    /// <summary>An opportunity's dismiss reason, evidence and owner as stored.</summary>
    public Task<(string? DismissReason, string Evidence, string? OwnerUserId)> StoredTextsAsync(long id) => Host.InScopeAsync(async services =>
    {
        await using var db = await ContextAsync(services);
        dynamic row = Rows(db, Type("Data.Opportunity")).Single(o => (long)o.Id == id);
        return ((string?)row.DismissReason, (string)row.Evidence, (string?)row.OwnerUserId);
    });
}
