using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Features.Segments;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>
/// After a refresh, a segment's members are exactly the active customers its rules describe, on
/// SQLite and PostgreSQL alike: the rules become one SQL predicate, so every edge case is a question
/// of translation.
/// </summary>
public abstract class SegmentMembershipTests(CrmHostFixture fixture)
{
    /// <summary>The number figure the Alpha fixture plugin declares (the test never references a plugin's assembly).</summary>
    public const string ScoreFigure = "fixture-alpha.score";

    private readonly CrmHostFactory _host = fixture.Host;
    private readonly string _unique = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task NoRules_ActiveAndArchivedCustomers_HoldsEveryActiveCustomerOnly()
    {
        var active = await new CustomerSituation().SaveAsync(_host);
        var archived = await new CustomerSituation().Archived().SaveAsync(_host);

        var segment = await new SegmentBuilder().SaveAsync(_host);

        Assert.Equal([active], await SegmentMembership.AmongAsync(_host, segment, active, archived));
        Assert.Equal(await ActiveCustomerIdsAsync(), await SegmentMembership.OfAsync(_host, segment));
    }

    [Fact]
    public async Task All_TwoTagRules_HoldsOnlyCustomersWithBothTags()
    {
        var (both, onlyFirst, onlySecond, neither) = await FourCustomersTaggedAsync();

        var segment = await TwoTagRules().SaveAsync(_host);

        Assert.Equal([both], await SegmentMembership.AmongAsync(_host, segment, both, onlyFirst, onlySecond, neither));
    }

    [Fact]
    public async Task Any_SameTwoTagRules_HoldsCustomersWithEitherTag()
    {
        var (both, onlyFirst, onlySecond, neither) = await FourCustomersTaggedAsync();

        var segment = await TwoTagRules().MatchingAny().SaveAsync(_host);

        Assert.Equal([both, onlyFirst, onlySecond], await SegmentMembership.AmongAsync(_host, segment, both, onlyFirst, onlySecond, neither));
    }

    [Fact]
    public async Task Any_ArchivedCustomerMatchingARule_IsStillExcluded()
    {
        var archived = await new CustomerSituation().Tagged(Tag("first")).Archived().SaveAsync(_host);

        var segment = await TwoTagRules().MatchingAny().SaveAsync(_host);

        Assert.Empty(await SegmentMembership.AmongAsync(_host, segment, archived));
    }

    [Fact]
    public async Task TextIsEmpty_IndustryMissingBlankOrSet_HoldsMissingAndBlank()
    {
        var missing = await new CustomerSituation().InIndustry(null).SaveAsync(_host);
        var blank = await new CustomerSituation().InIndustry(string.Empty).SaveAsync(_host);
        var set = await new CustomerSituation().InIndustry("Retail").SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Industry, SegmentOperator.IsEmpty).SaveAsync(_host);

        Assert.Equal([missing, blank], await SegmentMembership.AmongAsync(_host, segment, missing, blank, set));
    }

    [Fact]
    public async Task TextIsNotEmpty_IndustryMissingBlankOrSet_HoldsSetOnly()
    {
        var missing = await new CustomerSituation().InIndustry(null).SaveAsync(_host);
        var blank = await new CustomerSituation().InIndustry(string.Empty).SaveAsync(_host);
        var set = await new CustomerSituation().InIndustry("Retail").SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Industry, SegmentOperator.IsNotEmpty).SaveAsync(_host);

        Assert.Equal([set], await SegmentMembership.AmongAsync(_host, segment, missing, blank, set));
    }

    [Fact]
    public async Task TextContains_KannadaAndTamilNames_FindsEachByAWordOfItsScript()
    {
        var kannada = await new CustomerSituation().Named($"ಮೈಸೂರು ರೇಷ್ಮೆ ಸೀರೆಗಳು {_unique}").SaveAsync(_host);
        var tamil = await new CustomerSituation().Named($"மதுரை மென்பொருள் நிறுவனம் {_unique}").SaveAsync(_host);

        var silk = await new SegmentBuilder().Where(SegmentFields.Name, SegmentOperator.Contains, "ರೇಷ್ಮೆ").SaveAsync(_host);
        var software = await new SegmentBuilder().Where(SegmentFields.Name, SegmentOperator.Contains, "மென்பொருள்").SaveAsync(_host);

        Assert.Equal([kannada], await SegmentMembership.AmongAsync(_host, silk, kannada, tamil));
        Assert.Equal([tamil], await SegmentMembership.AmongAsync(_host, software, kannada, tamil));
    }

    [Fact]
    public async Task TextStartsWith_TamilName_FindsByItsFirstWordOnly()
    {
        var tamil = await new CustomerSituation().Named($"மதுரை மென்பொருள் நிறுவனம் {_unique}").SaveAsync(_host);

        var first = await new SegmentBuilder().Where(SegmentFields.Name, SegmentOperator.StartsWith, "மதுரை").SaveAsync(_host);
        var second = await new SegmentBuilder().Where(SegmentFields.Name, SegmentOperator.StartsWith, "மென்பொருள்").SaveAsync(_host);

        Assert.Equal([tamil], await SegmentMembership.AmongAsync(_host, first, tamil));
        Assert.Empty(await SegmentMembership.AmongAsync(_host, second, tamil));
    }

    [Fact]
    public async Task TextContains_AccentedCapitals_IgnoresCaseBeyondAscii()
    {
        var clinic = await new CustomerSituation().Named($"ÄRZTEHAUS ÖSTERREICH {_unique}").SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Name, SegmentOperator.Contains, "ärztehaus österreich").SaveAsync(_host);

        Assert.Equal([clinic], await SegmentMembership.AmongAsync(_host, segment, clinic));
    }

    [Fact]
    public async Task TagHas_DifferentCaseAndAccents_MatchesTheFoldedTag()
    {
        var tagged = await new CustomerSituation().Tagged(Tag("Priorité")).SaveAsync(_host);
        var untagged = await new CustomerSituation().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Tag, SegmentOperator.HasTag, Tag("PRIORITE")).SaveAsync(_host);

        Assert.Equal([tagged], await SegmentMembership.AmongAsync(_host, segment, tagged, untagged));
    }

    [Fact]
    public async Task TagLacks_TaggedAndUntagged_HoldsTheUntagged()
    {
        var tagged = await new CustomerSituation().Tagged(Tag("vip"), Tag("other")).SaveAsync(_host);
        var untagged = await new CustomerSituation().Tagged(Tag("other")).SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Tag, SegmentOperator.LacksTag, Tag("vip")).SaveAsync(_host);

        Assert.Equal([untagged], await SegmentMembership.AmongAsync(_host, segment, tagged, untagged));
    }

    [Fact]
    public async Task NoInteractionIn90Days_NeverOldAndRecentContact_HoldsNeverAndOld()
    {
        var never = await new CustomerSituation().SaveAsync(_host);
        var hundredDaysAgo = await new CustomerSituation().LastContacted(DaysAgo(100)).SaveAsync(_host);
        var tenDaysAgo = await new CustomerSituation().LastContacted(DaysAgo(10)).SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.LastInteraction, SegmentOperator.NotWithinLastDays, "90").SaveAsync(_host);

        Assert.Equal([never, hundredDaysAgo], await SegmentMembership.AmongAsync(_host, segment, never, hundredDaysAgo, tenDaysAgo));
    }

    [Fact]
    public async Task WithinLast90Days_NeverOldAndRecentContact_HoldsRecentOnly()
    {
        var never = await new CustomerSituation().SaveAsync(_host);
        var hundredDaysAgo = await new CustomerSituation().LastContacted(DaysAgo(100)).SaveAsync(_host);
        var tenDaysAgo = await new CustomerSituation().LastContacted(DaysAgo(10)).SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.LastInteraction, SegmentOperator.WithinLastDays, "90").SaveAsync(_host);

        Assert.Equal([tenDaysAgo], await SegmentMembership.AmongAsync(_host, segment, never, hundredDaysAgo, tenDaysAgo));
    }

    [Fact]
    public async Task DateBefore_CustomersAroundMidnightOfTheDay_HoldsOnlyThoseCreatedEarlier()
    {
        var (lastSecondBefore, midnight, noon) = await CreatedAroundFirstOfMarchAsync();

        var segment = await new SegmentBuilder().Where(SegmentFields.Created, SegmentOperator.Before, "2025-03-01").SaveAsync(_host);

        Assert.Equal([lastSecondBefore], await SegmentMembership.AmongAsync(_host, segment, lastSecondBefore, midnight, noon));
    }

    [Fact]
    public async Task DateOnOrAfter_CustomersAroundMidnightOfTheDay_HoldsThoseCreatedFromMidnight()
    {
        var (lastSecondBefore, midnight, noon) = await CreatedAroundFirstOfMarchAsync();

        var segment = await new SegmentBuilder().Where(SegmentFields.Created, SegmentOperator.OnOrAfter, "2025-03-01").SaveAsync(_host);

        Assert.Equal([midnight, noon], await SegmentMembership.AmongAsync(_host, segment, lastSecondBefore, midnight, noon));
    }

    [Fact]
    public async Task OpenComplaintsAtLeastOne_VariousInteractions_HoldsOnlyTheCustomerWithAnOpenComplaint()
    {
        var open = await new CustomerSituation().WithInteraction(InteractionChannel.Complaint, InteractionStatus.Open).SaveAsync(_host);
        var resolved = await new CustomerSituation().WithInteraction(InteractionChannel.Complaint, InteractionStatus.Resolved).SaveAsync(_host);
        var openInquiry = await new CustomerSituation().WithInteraction(InteractionChannel.Inquiry, InteractionStatus.Open).SaveAsync(_host);
        var none = await new CustomerSituation().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.OpenComplaints, SegmentOperator.AtLeast, "1").SaveAsync(_host);

        Assert.Equal([open], await SegmentMembership.AmongAsync(_host, segment, open, resolved, openInquiry, none));
    }

    [Fact]
    public async Task InteractionCountMoreThanOne_OneOrTwoInteractions_HoldsTheCustomerWithTwo()
    {
        var one = await new CustomerSituation().WithInteraction(InteractionChannel.Call).SaveAsync(_host);
        var two = await new CustomerSituation().WithInteraction(InteractionChannel.Call).WithInteraction(InteractionChannel.Email).SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.InteractionCount, SegmentOperator.GreaterThan, "1").SaveAsync(_host);

        Assert.Equal([two], await SegmentMembership.AmongAsync(_host, segment, one, two));
    }

    [Fact]
    public async Task PluginFigureAtLeast_ValuesSetThroughCustomerFigures_HoldsCustomersAtOrAboveTheValue()
    {
        var high = await new CustomerSituation().SaveAsync(_host);
        var exact = await new CustomerSituation().SaveAsync(_host);
        var low = await new CustomerSituation().SaveAsync(_host);
        var none = await new CustomerSituation().SaveAsync(_host);
        await SetScoresAsync((high, 75), (exact, 50), (low, 20));

        var segment = await new SegmentBuilder().Where(SegmentFields.FigurePrefix + ScoreFigure, SegmentOperator.AtLeast, "50").SaveAsync(_host);

        Assert.Equal([high, exact], await SegmentMembership.AmongAsync(_host, segment, high, exact, low, none));
    }

    [Fact]
    public async Task PluginFigureIsEmpty_SomeCustomersWithoutTheFigure_HoldsThose()
    {
        var scored = await new CustomerSituation().SaveAsync(_host);
        var unscored = await new CustomerSituation().SaveAsync(_host);
        await SetScoresAsync((scored, 10));

        var segment = await new SegmentBuilder().Where(SegmentFields.FigurePrefix + ScoreFigure, SegmentOperator.IsEmpty).SaveAsync(_host);

        Assert.Equal([unscored], await SegmentMembership.AmongAsync(_host, segment, scored, unscored));
    }

    [Fact]
    public async Task CountryIs_OneOfSeveralAddresses_HoldsCustomersWithAnyAddressThere()
    {
        var (twoCountries, germanyOnly, noAddress) = await CustomersByAddressAsync();

        var segment = await new SegmentBuilder().Where(SegmentFields.Country, SegmentOperator.Is, "in").SaveAsync(_host);

        Assert.Equal([twoCountries], await SegmentMembership.AmongAsync(_host, segment, twoCountries, germanyOnly, noAddress));
    }

    [Fact]
    public async Task CountryIsNot_OneOfSeveralAddresses_HoldsCustomersWithNoAddressThere()
    {
        var (twoCountries, germanyOnly, noAddress) = await CustomersByAddressAsync();

        var segment = await new SegmentBuilder().Where(SegmentFields.Country, SegmentOperator.IsNot, "IN").SaveAsync(_host);

        Assert.Equal([germanyOnly, noAddress], await SegmentMembership.AmongAsync(_host, segment, twoCountries, germanyOnly, noAddress));
    }

    [Fact]
    public async Task CityContains_TamilCity_HoldsTheCustomerWithIt()
    {
        var (twoCountries, germanyOnly, noAddress) = await CustomersByAddressAsync();

        var segment = await new SegmentBuilder().Where(SegmentFields.City, SegmentOperator.Contains, "சென்னை").SaveAsync(_host);

        Assert.Equal([twoCountries], await SegmentMembership.AmongAsync(_host, segment, twoCountries, germanyOnly, noAddress));
    }

    [Fact]
    public async Task AccountManagerIsNobody_ManagedAndUnmanaged_HoldsTheUnmanaged()
    {
        var managed = await new CustomerSituation().ManagedBy("user-" + _unique).SaveAsync(_host);
        var unmanaged = await new CustomerSituation().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Owner, SegmentOperator.Is, string.Empty).SaveAsync(_host);

        Assert.Equal([unmanaged], await SegmentMembership.AmongAsync(_host, segment, managed, unmanaged));
    }

    [Fact]
    public async Task AccountManagerIsNotNobody_ManagedAndUnmanaged_HoldsTheManaged()
    {
        var managed = await new CustomerSituation().ManagedBy("user-" + _unique).SaveAsync(_host);
        var unmanaged = await new CustomerSituation().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Owner, SegmentOperator.IsNot, string.Empty).SaveAsync(_host);

        Assert.Equal([managed], await SegmentMembership.AmongAsync(_host, segment, managed, unmanaged));
    }

    [Fact]
    public async Task AccountManagerIsNotAUser_OthersAndUnmanaged_HoldsBoth()
    {
        var mine = await new CustomerSituation().ManagedBy("user-" + _unique).SaveAsync(_host);
        var someoneElses = await new CustomerSituation().ManagedBy("other-" + _unique).SaveAsync(_host);
        var unmanaged = await new CustomerSituation().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Owner, SegmentOperator.IsNot, "user-" + _unique).SaveAsync(_host);

        Assert.Equal([someoneElses, unmanaged], await SegmentMembership.AmongAsync(_host, segment, mine, someoneElses, unmanaged));
    }

    [Fact]
    public async Task KindIsPerson_CompanyAndPerson_HoldsThePerson()
    {
        var company = await new CustomerSituation().SaveAsync(_host);
        var person = await new CustomerSituation().APerson().SaveAsync(_host);

        var segment = await new SegmentBuilder().Where(SegmentFields.Kind, SegmentOperator.Is, "Person").SaveAsync(_host);

        Assert.Equal([person], await SegmentMembership.AmongAsync(_host, segment, company, person));
    }

    private static DateTimeOffset DaysAgo(int days) => DateTimeOffset.UtcNow.AddDays(-days);

    private string Tag(string name) => $"{name}-{_unique}";

    private SegmentBuilder TwoTagRules() => new SegmentBuilder()
        .Where(SegmentFields.Tag, SegmentOperator.HasTag, Tag("first"))
        .Where(SegmentFields.Tag, SegmentOperator.HasTag, Tag("second"));

    private async Task<(long Both, long OnlyFirst, long OnlySecond, long Neither)> FourCustomersTaggedAsync() => (
        await new CustomerSituation().Tagged(Tag("first"), Tag("second")).SaveAsync(_host),
        await new CustomerSituation().Tagged(Tag("first")).SaveAsync(_host),
        await new CustomerSituation().Tagged(Tag("second")).SaveAsync(_host),
        await new CustomerSituation().Tagged(Tag("third")).SaveAsync(_host));

    private async Task<(long LastSecondBefore, long Midnight, long Noon)> CreatedAroundFirstOfMarchAsync() => (
        await new CustomerSituation().CreatedAt(new DateTimeOffset(2025, 2, 28, 23, 59, 59, TimeSpan.Zero)).SaveAsync(_host),
        await new CustomerSituation().CreatedAt(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)).SaveAsync(_host),
        await new CustomerSituation().CreatedAt(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)).SaveAsync(_host));

    private async Task<(long TwoCountries, long GermanyOnly, long NoAddress)> CustomersByAddressAsync() => (
        await new CustomerSituation().WithAddress("München", "DE").WithAddress("சென்னை", "IN").SaveAsync(_host),
        await new CustomerSituation().WithAddress("Berlin", "DE").SaveAsync(_host),
        await new CustomerSituation().SaveAsync(_host));

    private Task<bool> SetScoresAsync(params (long Customer, double Score)[] scores) => _host.InScopeAsync(async services =>
    {
        var figures = services.GetRequiredService<ICustomerFigures>();
        foreach (var (customer, score) in scores)
        {
            await figures.SetAsync(customer, ScoreFigure, score);
        }

        return true;
    });

    private Task<long[]> ActiveCustomerIdsAsync() => _host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.Customers.Where(c => !c.IsArchived).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SegmentMembershipTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SegmentMembershipTests(fixture);
}
