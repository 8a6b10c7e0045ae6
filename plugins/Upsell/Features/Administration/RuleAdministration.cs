using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Plugins.Upsell.Features.Rules;
using CrmBlazor.Plugins.Upsell.Features.Shared;
using CrmBlazor.Plugins.Upsell.Jobs;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Plugins.Upsell.Features.Administration;

/// <summary>The rules' state and settings, the runs, and "Evaluate now", for managers (<see cref="UpsellPermissions.Manage"/>).</summary>
public sealed class RuleAdministration(IDbContextFactory<UpsellDbContext> contexts, UpsellAccess access, UpsellRuleCatalogue catalogue, IJobScheduler jobs)
{
    /// <summary>Every rule with its state and settings; empty for someone who does not manage them.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ConfiguredRule>> RulesAsync(CancellationToken cancellationToken = default) =>
        await access.CanManageAsync(cancellationToken) ? await catalogue.LoadAsync(cancellationToken) : [];

    /// <summary>The last runs, newest first; empty for someone who does not manage the rules.</summary>
    /// <param name="take">How many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<EvaluationRun>> RunsAsync(int take = 20, CancellationToken cancellationToken = default)
    {
        if (!await access.CanManageAsync(cancellationToken))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 100)).ToListAsync(cancellationToken);
    }

    /// <summary>Enables or disables a rule and sets its settings, each within its minimum and maximum.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="input">Its state and values.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> SaveAsync(string ruleId, RuleInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rule = catalogue.Find(ruleId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<RuleState>()
            .Allow(access.CanManageAsync)
            .Validate(input, errors =>
            {
                foreach (var setting in rule?.Settings ?? [])
                {
                    if (!input.Values.TryGetValue(setting.Key, out var value) || value is not { } number || number < setting.Minimum || number > setting.Maximum)
                    {
                        errors[setting.Key] = [new Problem("Enter a number from {0} to {1}.", setting.Minimum, setting.Maximum)];
                    }
                }

                if (input.Values.Keys.Any(k => rule?.Settings.All(s => s.Key != k) ?? true))
                {
                    errors[""] = [new Problem("The rule has no such setting.")];
                }
            })
            .Load(async ct => rule is null ? null : await db.Rules.FirstOrDefaultAsync(r => r.RuleId == ruleId, ct) ?? db.Rules.Add(new RuleState { RuleId = ruleId }).Entity)
            .Expect(input.RowVersion)
            .Apply(state =>
            {
                state.Enabled = input.Enabled;

                // The settings live in their own rows: the rule's row is written (and its version moves on)
                // even when only a setting changed, so a form loaded before that edit conflicts.
                db.Entry(state).Property(s => s.Enabled).IsModified = db.Entry(state).State != EntityState.Added;
            })
            .AlsoSave(async (_, ct) =>
            {
                await db.RuleSettings.Where(s => s.RuleId == ruleId).ExecuteDeleteAsync(ct);
                db.RuleSettings.AddRange(input.Values.Select(v => new RuleSettingValue { RuleId = ruleId, Key = v.Key, Value = v.Value!.Value }));
                await db.SaveChangesAsync(ct);
            })
            .InTransaction()
            .ResultId(_ => 0)
            .SaveAsync(new Problem("Someone else changed this rule meanwhile. Nothing was saved: reload and try again."), cancellationToken);
    }

    /// <summary>Queues an evaluation of every enabled rule now; null for someone who does not manage the rules.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job run's id.</returns>
    public async Task<Guid?> EvaluateNowAsync(CancellationToken cancellationToken = default) =>
        await access.CanManageAsync(cancellationToken) ? await jobs.EnqueueAsync<UpsellEvaluationJob>(cancellationToken: cancellationToken) : null;
}
