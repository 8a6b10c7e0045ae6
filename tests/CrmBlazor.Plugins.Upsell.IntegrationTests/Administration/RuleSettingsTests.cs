using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Administration;

/// <summary>
/// The rules page's settings, saved on the server as the page does: a value within bounds is saved and the
/// next evaluation uses it; one out of bounds is refused with the field's message and nothing saved; a stale
/// version conflicts; a member of staff is refused; a disabled rule fires no more and leaves its open
/// opportunities as they are. Each test puts the budget-burn rule back as it found it (enabled, 90 %), for
/// the other tests on the shared host.
/// </summary>
public abstract class RuleSettingsTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.budget-burn";
    private const string Threshold = "threshold-percent";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task Save_AThresholdWithinBounds_IsUsedByTheNextEvaluation()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = await BurntAsync(85);
        await Upsell.EvaluateAsync();
        Assert.Empty(await Upsell.OpportunitiesOfAsync(customer));

        try
        {
            var saved = await Upsell.SaveRuleAsync(manager, Rule, true, Values(80m), await VersionAsync(manager));
            await Upsell.EvaluateAsync();

            Assert.True(saved.Saved, string.Join(" ", saved.Messages));
            Assert.Equal(80m, (await RuleAsync(manager)).Values[Threshold]);
            var opened = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));
            Assert.Equal((Rule, true, 85d), (opened.RuleId, opened.IsOpen, opened.Score));
        }
        finally
        {
            await RestoreAsync();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(null)]
    public async Task Save_AThresholdOutOfBounds_IsRefusedWithTheMessage_AndNothingIsSaved(int? threshold)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var before = await RuleAsync(admin);

        var refused = await Upsell.SaveRuleAsync(admin, Rule, false, Values(threshold), before.RowVersion);

        Assert.Equal(("Invalid", "Enter a number from 1 to 1000."), (refused.Status, refused.Message));
        Assert.Equal([Threshold], refused.Fields);
        Assert.Equal(before, await RuleAsync(admin), ShownRuleComparer.Instance);
    }

    [Fact]
    public async Task Save_WithAStaleVersion_Conflicts_AndKeepsTheOtherEdit_EvenWhenOnlyASettingChanged()
    {
        var (first, second) = (await Person.CreateAsync(fixture.Host, CrmRoles.Admin), await Person.CreateAsync(fixture.Host, CrmRoles.Manager));
        var loaded = await VersionAsync(first);

        try
        {
            var saved = await Upsell.SaveRuleAsync(first, Rule, true, Values(95m), loaded);
            var stale = await Upsell.SaveRuleAsync(second, Rule, true, Values(70m), loaded);

            Assert.True(saved.Saved, string.Join(" ", saved.Messages));
            Assert.Equal(("Conflict", "Someone else changed this rule meanwhile. Nothing was saved: reload and try again."), (stale.Status, stale.Message));
            Assert.Equal(95m, (await RuleAsync(first)).Values[Threshold]);
        }
        finally
        {
            await RestoreAsync();
        }
    }

    [Fact]
    public async Task Save_AsAMemberOfStaff_IsRefusedOnTheServer_AndTheRulesAreNotShownToThem()
    {
        var (admin, staff) = (await Person.CreateAsync(fixture.Host, CrmRoles.Admin), await Person.CreateAsync(fixture.Host, CrmRoles.Staff));
        var before = await RuleAsync(admin);

        var refused = await Upsell.SaveRuleAsync(staff, Rule, false, Values(50m), before.RowVersion);

        Assert.Equal("Forbidden", refused.Status);
        Assert.Empty(await Upsell.RulesAsync(staff));
        Assert.Equal(before, await RuleAsync(admin), ShownRuleComparer.Instance);
    }

    [Fact]
    public async Task Disable_StopsTheRuleFiring_AndKeepsItsOpenOpportunitiesOpenAndUnchanged()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var earlier = await BurntAsync(95);
        await Upsell.EvaluateAsync();
        var open = Assert.Single(await Upsell.OpportunitiesOfAsync(earlier));
        var later = await BurntAsync(95);

        try
        {
            Assert.True((await Upsell.SaveRuleAsync(manager, Rule, false, Values(90m), await VersionAsync(manager))).Saved);
            var run = await Upsell.RunAsync(await Upsell.EvaluateAsync());

            Assert.Empty(await Upsell.OpportunitiesOfAsync(later));
            Assert.Equal(open, Assert.Single(await Upsell.OpportunitiesOfAsync(earlier)));
            Assert.DoesNotContain(Rule, run.RuleOutcomes, StringComparison.Ordinal);
        }
        finally
        {
            await RestoreAsync();
        }

        await Upsell.EvaluateAsync();
        Assert.True(Assert.Single(await Upsell.OpportunitiesOfAsync(later)).IsOpen);
    }

    private static Dictionary<string, decimal?> Values(decimal? threshold) => new(StringComparer.Ordinal) { [Threshold] = threshold };

    /// <summary>A customer with one project whose budget of 20 h is used to the given percent.</summary>
    private async Task<long> BurntAsync(int percent)
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var customer = await new CustomerBuilder().ManagedBy(admin.Id).SaveAsync(fixture.Host);
        var project = await Upsell.CreateProjectAsync(admin, customer.Id, budgetHours: 20m);
        await Upsell.LogTimeAsync(admin, project, Today, percent * 12);
        return customer.Id;
    }

    private async Task<ShownRule> RuleAsync(Person actor) => (await Upsell.RulesAsync(actor)).Single(r => r.RuleId == Rule);

    private async Task<Guid> VersionAsync(Person actor) => (await RuleAsync(actor)).RowVersion;

    /// <summary>Puts the rule back as the other tests expect it: enabled, threshold 90 %.</summary>
    private async Task RestoreAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var restored = await Upsell.SaveRuleAsync(admin, Rule, true, Values(90m), await VersionAsync(admin));
        Assert.True(restored.Saved, string.Join(" ", restored.Messages));
    }

    private sealed class ShownRuleComparer : IEqualityComparer<ShownRule>
    {
        public static readonly ShownRuleComparer Instance = new();

        public bool Equals(ShownRule? x, ShownRule? y) =>
            x is not null && y is not null && x.RuleId == y.RuleId && x.Enabled == y.Enabled && x.RowVersion == y.RowVersion
            && x.Values.Count == y.Values.Count && x.Values.All(v => y.Values.TryGetValue(v.Key, out var other) && other == v.Value);

        public int GetHashCode(ShownRule obj) => obj.RuleId.GetHashCode(StringComparison.Ordinal);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : RuleSettingsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : RuleSettingsTests(fixture);
}
