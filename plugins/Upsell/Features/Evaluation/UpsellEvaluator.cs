using System.Globalization;
using System.Text.Json;
using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Plugins.Upsell.Features.Timeline;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Upsell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Plugins.Upsell.Features.Evaluation;

/// <summary>What one rule gave in a run: its hits (best per customer) and what they did, or its error.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Hits">Customers it found.</param>
/// <param name="Opened">Opportunities opened.</param>
/// <param name="Updated">Open opportunities found again and brought up to date.</param>
/// <param name="Closed">Open opportunities resolved.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record RuleOutcome(string RuleId, int Hits, int Opened, int Updated, int Closed, string? Error);

/// <summary>
/// Evaluates every enabled rule once, set-based, and brings the opportunities up to date (the nightly
/// <c>upsell:evaluation</c> job, and "Evaluate now").
/// </summary>
/// <remarks>
/// <para>Per rule: its hits are read with one <see cref="IUpsellRule.EvaluateAsync"/> call and the best hit per
/// customer kept; then, in one transaction, they are staged and four statements do the rest: open
/// opportunities found again for the same situation are updated (score, evidence, the value unless a user set
/// it, the account manager); new ones whose customer is no longer found for their situation are closed as
/// resolved (one a person is working stays open); new ones are inserted for hits without an open one unless a user won, lost or dismissed the same
/// situation (a dismissed one returns after its snooze); the staged hits are removed.</para>
/// <para>Never a duplicate: at most one open opportunity per customer and rule is a unique filtered index, and
/// the insert ignores a conflict (<c>ON CONFLICT DO NOTHING</c>), so two runs at once or a retried run cannot
/// open a second. Runs of the same rule take turns on the rule's row. A crash rolls the rule's transaction
/// back: every rule is either wholly applied or untouched, and the retried run does the rest. A failing rule
/// is recorded in the run and the others go on.</para>
/// </remarks>
public sealed class UpsellEvaluator(
    UpsellRuleCatalogue catalogue,
    IDbContextFactory<UpsellDbContext> contexts,
    ICustomerDirectory customers,
    TimeProvider clock,
    ILogger<UpsellEvaluator> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Evaluates every enabled rule and records the run.</summary>
    /// <param name="progress">Told after each rule: percent done and the rule just done; or null.</param>
    /// <param name="cancellationToken">Cancels the run between statements.</param>
    /// <returns>The run's id.</returns>
    public async Task<long> EvaluateAsync(Func<int, string, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var run = new EvaluationRun { StartedAt = clock.GetUtcNow() };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Runs.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        var rules = (await catalogue.LoadAsync(cancellationToken)).Where(r => r.Enabled).ToList();
        var outcomes = new List<RuleOutcome>();
        var found = new HashSet<long>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            RuleOutcome outcome;
            try
            {
                var hits = await rule.Rule.EvaluateAsync(new UpsellEvaluation(today, rule.Values), cancellationToken);
                var best = Best(rule.Rule.Id, hits);
                found.UnionWith(best.Select(h => h.CustomerId));
                outcome = await ApplyAsync(run.Id, rule.Rule.Id, best, today, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Upsell rule {RuleId} failed in run {RunId}.", rule.Rule.Id, run.Id);
                outcome = new RuleOutcome(rule.Rule.Id, 0, 0, 0, 0, e.Message);
            }

            outcomes.Add(outcome);
            await RecordAsync(run.Id, outcomes, found.Count, (i + 1) * 100 / rules.Count, finished: false, cancellationToken);
            if (progress is not null)
            {
                await progress((i + 1) * 100 / rules.Count, rule.Rule.Id);
            }
        }

        await RecordAsync(run.Id, outcomes, found.Count, 100, finished: true, cancellationToken);
        return run.Id;
    }

    private List<UpsellHit> Best(string ruleId, IReadOnlyList<UpsellHit> hits)
    {
        var invalid = hits.FirstOrDefault(h => string.IsNullOrWhiteSpace(h.SituationKey) || h.SituationKey.Length > 200 || h.Evidence is null
            || h.Score is < 0m or > 100m || (h.Currency is not null && h.Currency.Length != 3) || (h.EstimatedValue is null != (h.Currency is null)));
        if (invalid is not null)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Rule {ruleId} returned an invalid hit for customer {invalid.CustomerId}: a situation key of 1 to 200 characters, evidence, a score of 0 to 100 and a value with its currency code (or neither) are expected."));
        }

        return [.. hits.GroupBy(h => h.CustomerId).Select(g => g.OrderByDescending(h => h.Score).ThenBy(h => h.SituationKey, StringComparer.Ordinal).First())];
    }

    private async Task<RuleOutcome> ApplyAsync(long runId, string ruleId, List<UpsellHit> hits, DateOnly today, CancellationToken cancellationToken)
    {
        // Archived and removed customers are left out: their open opportunities resolve.
        var summaries = hits.Count == 0 ? new Dictionary<long, CustomerSummary>() : await customers.GetManyAsync([.. hits.Select(h => h.CustomerId)], cancellationToken);
        var staged = hits.Where(h => summaries.TryGetValue(h.CustomerId, out var c) && !c.IsArchived).Select(h => new StagedHit
        {
            RunId = runId,
            RuleId = ruleId,
            CustomerId = h.CustomerId,
            SituationKey = h.SituationKey,
            Score = (double)h.Score,
            Evidence = JsonSerializer.Serialize(h.Evidence.Values, Json),
            EstimatedValue = h.EstimatedValue,
            Currency = h.Currency,
            AccountManagerUserId = summaries[h.CustomerId].OwnerUserId,
        }).ToList();

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Each statement gets parameters of its own (a parameter belongs to one command).
        async Task<int> ExecuteAsync(Func<OpportunitySql, string> statement)
        {
            using var sql = OpportunitySql.For(db);
            var text = statement(sql);
            return await db.Database.ExecuteSqlRawAsync(text, sql.Parameters, cancellationToken);
        }

        // Runs of one rule take turns: the first holds the rule's row until it commits.
        await ExecuteAsync(sql =>
            $"INSERT INTO {sql.Table<RuleState>()} ({sql.Column<RuleState>(nameof(RuleState.RuleId))}, {sql.Column<RuleState>(nameof(RuleState.Enabled))}, {sql.Column<RuleState>(nameof(RuleState.RowVersion))}) "
            + $"VALUES ({sql.Value<RuleState>(nameof(RuleState.RuleId), ruleId)}, {sql.Value<RuleState>(nameof(RuleState.Enabled), true)}, {sql.Value<RuleState>(nameof(RuleState.RowVersion), Guid.NewGuid())}) ON CONFLICT DO NOTHING");
        await ExecuteAsync(sql =>
            $"UPDATE {sql.Table<RuleState>()} SET {sql.Column<RuleState>(nameof(RuleState.Enabled))} = {sql.Column<RuleState>(nameof(RuleState.Enabled))} "
            + $"WHERE {sql.Column<RuleState>(nameof(RuleState.RuleId))} = {sql.Value<RuleState>(nameof(RuleState.RuleId), ruleId)}");

        db.StagedHits.AddRange(staged);
        await db.SaveChangesAsync(cancellationToken);

        var updated = await ExecuteAsync(sql => new Statements(sql, runId, ruleId, now, today).Update());
        var closed = await ExecuteAsync(sql => new Statements(sql, runId, ruleId, now, today).Close());
        var opened = await ExecuteAsync(sql => new Statements(sql, runId, ruleId, now, today).Open());
        if (opened > 0)
        {
            await PublishOpenedAsync(db, ruleId, now, cancellationToken);
        }

        await db.StagedHits.Where(h => h.RunId == runId && h.RuleId == ruleId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RuleOutcome(ruleId, staged.Count, opened, updated, closed, null);
    }

    /// <summary>
    /// Publishes the opportunities this transaction opened (those of the rule opened at this run's time) for the
    /// timeline, stored with them when the transaction commits: a crash loses both or neither. A run of the same
    /// time that overlapped finds the same ones again; their entries' keys keep them single.
    /// </summary>
    private static async Task PublishOpenedAsync(UpsellDbContext db, string ruleId, DateTimeOffset openedAt, CancellationToken cancellationToken)
    {
        var ids = await db.Opportunities.AsNoTracking().Where(o => o.RuleId == ruleId && o.ClosedAt == null && o.OpenedAt == openedAt)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(OpportunityTimeline.OpenedPerEvent))
        {
            db.Publish(new OpportunitiesOpened(chunk));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The three statements that bring a rule's opportunities up to date from its staged hits.</summary>
    private sealed class Statements(OpportunitySql sql, long runId, string ruleId, DateTimeOffset now, DateOnly today)
    {
        private string O(string property) => sql.Column<Opportunity>(property);

        private string H(string property) => sql.Column<StagedHit>(property);

        private string Opportunities => sql.Table<Opportunity>();

        private string Staging => sql.Table<StagedHit>();

        private string Rule => sql.Value<Opportunity>(nameof(Opportunity.RuleId), ruleId);

        private string HitsOfRun => $"h.{H(nameof(StagedHit.RunId))} = {sql.Value<StagedHit>(nameof(StagedHit.RunId), runId)} AND h.{H(nameof(StagedHit.RuleId))} = {Rule}";

        private string SameSituation => $"h.{H(nameof(StagedHit.CustomerId))} = o.{O(nameof(Opportunity.CustomerId))} AND h.{H(nameof(StagedHit.SituationKey))} = o.{O(nameof(Opportunity.SituationKey))}";

        private string At => sql.Value<Opportunity>(nameof(Opportunity.EvaluatedAt), now);

        private string NotByUser => sql.Value<Opportunity>(nameof(Opportunity.ValueSetByUser), false);

        private string Closure(OpportunityClosure closure) => sql.Value<Opportunity>(nameof(Opportunity.ClosedBecause), closure);

        /// <summary>Open opportunities found again for the same situation: score, evidence, value (unless a user set it), account manager.</summary>
        public string Update()
        {
            var keepValue = $"o.{O(nameof(Opportunity.ValueSetByUser))} = {NotByUser}";
            return $"""
                UPDATE {Opportunities} AS o SET
                    {O(nameof(Opportunity.Score))} = h.{H(nameof(StagedHit.Score))},
                    {O(nameof(Opportunity.Evidence))} = h.{H(nameof(StagedHit.Evidence))},
                    {O(nameof(Opportunity.EstimatedValue))} = CASE WHEN {keepValue} THEN h.{H(nameof(StagedHit.EstimatedValue))} ELSE o.{O(nameof(Opportunity.EstimatedValue))} END,
                    {O(nameof(Opportunity.Currency))} = CASE WHEN {keepValue} THEN h.{H(nameof(StagedHit.Currency))} ELSE o.{O(nameof(Opportunity.Currency))} END,
                    {O(nameof(Opportunity.AccountManagerUserId))} = h.{H(nameof(StagedHit.AccountManagerUserId))},
                    {O(nameof(Opportunity.EvaluatedAt))} = {At}
                FROM {Staging} AS h
                WHERE {HitsOfRun} AND o.{O(nameof(Opportunity.RuleId))} = {Rule} AND o.{O(nameof(Opportunity.ClosedAt))} IS NULL AND {SameSituation}
                """;
        }

        /// <summary>
        /// New opportunities whose situation the rule no longer finds: resolved, with a new version so a form open
        /// on them conflicts. One a person has started working (contacted, proposal) stays open for them to close:
        /// the conversation may go on although the numbers changed; its page tells when the rule last found it.
        /// </summary>
        public string Close() => $"""
            UPDATE {Opportunities} AS o SET
                {O(nameof(Opportunity.ClosedAt))} = {At},
                {O(nameof(Opportunity.ClosedBecause))} = {Closure(OpportunityClosure.Resolved)},
                {O(nameof(Opportunity.RowVersion))} = {sql.Value<Opportunity>(nameof(Opportunity.RowVersion), Guid.NewGuid())}
            WHERE o.{O(nameof(Opportunity.RuleId))} = {Rule} AND o.{O(nameof(Opportunity.ClosedAt))} IS NULL
              AND o.{O(nameof(Opportunity.Stage))} = {sql.Value<Opportunity>(nameof(Opportunity.Stage), OpportunityStage.New)}
              AND NOT EXISTS (SELECT 1 FROM {Staging} AS h WHERE {HitsOfRun} AND {SameSituation})
            """;

        /// <summary>
        /// Hits without an open opportunity, unless a user won, lost or dismissed (and still snoozes) the same
        /// situation; a conflict with an open one another run inserted meanwhile is ignored.
        /// </summary>
        public string Open()
        {
            var columns = string.Join(", ", new[]
            {
                nameof(Opportunity.CustomerId), nameof(Opportunity.RuleId), nameof(Opportunity.SituationKey), nameof(Opportunity.Stage),
                nameof(Opportunity.Score), nameof(Opportunity.Evidence), nameof(Opportunity.EstimatedValue), nameof(Opportunity.Currency),
                nameof(Opportunity.ValueSetByUser), nameof(Opportunity.OwnerUserId), nameof(Opportunity.AccountManagerUserId),
                nameof(Opportunity.OpenedAt), nameof(Opportunity.EvaluatedAt), nameof(Opportunity.RowVersion),
            }.Select(O));
            var at = At;
            var snoozed = $"o.{O(nameof(Opportunity.SnoozedUntil))}";
            return $"""
                INSERT INTO {Opportunities} ({columns})
                SELECT h.{H(nameof(StagedHit.CustomerId))}, h.{H(nameof(StagedHit.RuleId))}, h.{H(nameof(StagedHit.SituationKey))}, {sql.Value<Opportunity>(nameof(Opportunity.Stage), OpportunityStage.New)},
                    h.{H(nameof(StagedHit.Score))}, h.{H(nameof(StagedHit.Evidence))}, h.{H(nameof(StagedHit.EstimatedValue))}, h.{H(nameof(StagedHit.Currency))},
                    {NotByUser}, h.{H(nameof(StagedHit.AccountManagerUserId))}, h.{H(nameof(StagedHit.AccountManagerUserId))},
                    {at}, {at}, {sql.Value<Opportunity>(nameof(Opportunity.RowVersion), Guid.NewGuid())}
                FROM {Staging} AS h
                WHERE {HitsOfRun} AND NOT EXISTS (
                    SELECT 1 FROM {Opportunities} AS o
                    WHERE o.{O(nameof(Opportunity.CustomerId))} = h.{H(nameof(StagedHit.CustomerId))} AND o.{O(nameof(Opportunity.RuleId))} = h.{H(nameof(StagedHit.RuleId))}
                      AND (o.{O(nameof(Opportunity.ClosedAt))} IS NULL
                           OR (o.{O(nameof(Opportunity.SituationKey))} = h.{H(nameof(StagedHit.SituationKey))}
                               AND (o.{O(nameof(Opportunity.ClosedBecause))} IN ({Closure(OpportunityClosure.Won)}, {Closure(OpportunityClosure.Lost)})
                                    OR (o.{O(nameof(Opportunity.ClosedBecause))} = {Closure(OpportunityClosure.Dismissed)}
                                        AND ({snoozed} IS NULL OR {snoozed} > {sql.Value<Opportunity>(nameof(Opportunity.SnoozedUntil), today)}))))))
                ON CONFLICT DO NOTHING
                """;
        }
    }

    private async Task RecordAsync(long runId, List<RuleOutcome> outcomes, int customersFound, int percent, bool finished, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Progress = percent;
        run.CustomersScanned = customersFound;
        run.RuleOutcomes = JsonSerializer.Serialize(outcomes, Json);
        run.Opened = outcomes.Sum(o => o.Opened);
        run.Updated = outcomes.Sum(o => o.Updated);
        run.Closed = outcomes.Sum(o => o.Closed);
        run.Error = outcomes.FirstOrDefault(o => o.Error is not null) is { } failed ? Truncate($"{failed.RuleId}: {failed.Error}", 2000) : null;
        run.FinishedAt = finished ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>A run's per-rule outcomes.</summary>
    /// <param name="run">The run.</param>
    public static IReadOnlyList<RuleOutcome> OutcomesOf(EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return JsonSerializer.Deserialize<List<RuleOutcome>>(run.RuleOutcomes, Json) ?? [];
    }

    /// <summary>An opportunity's evidence as the rule stored it.</summary>
    /// <param name="opportunity">The opportunity.</param>
    public static UpsellEvidence EvidenceOf(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return new UpsellEvidence(JsonSerializer.Deserialize<Dictionary<string, string>>(opportunity.Evidence, Json) ?? []);
    }
}
