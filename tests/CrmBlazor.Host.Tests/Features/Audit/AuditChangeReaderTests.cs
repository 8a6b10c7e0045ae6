using System.Globalization;
using CrmBlazor.Data.Audit;
using CrmBlazor.Host.Features.Audit;

namespace CrmBlazor.Host.Tests.Features.Audit;

public sealed class AuditChangeReaderTests
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly AuditNames Names = new(
        new Dictionary<string, string> { ["u-meera"] = "Meera Iyer", ["u-ravi"] = "Ravi Shankar" },
        new Dictionary<long, string> { [6] = "ರೇಷ್ಮೆ" });

    [Fact]
    public void Read_Bookkeeping_IsLeftOut()
    {
        var entry = Entry("Customer", "Updated", """{"RowVersion":{"before":"a","after":"b"},"UpdatedAt":{"before":"2026-01-01T00:00:00+00:00","after":"2026-02-01T00:00:00+00:00"},"Phone":{"before":"1","after":"2"}}""");

        var changes = Reader().Read(entry);

        Assert.Equal(["Phone"], changes.Select(c => c.Property));
    }

    [Fact]
    public void Read_PropertiesThePageAlreadyShows_AreLeftOut()
    {
        var entry = Entry("Contact", "Created", """{"CustomerId":{"after":1},"Name":{"after":"ಅನಿತಾ"}}""");

        var changes = Reader().Read(entry, new HashSet<string> { "CustomerId" });

        Assert.Equal(["Name"], changes.Select(c => c.Property));
    }

    [Fact]
    public void Read_UserIds_BecomeNames()
    {
        var entry = Entry("Customer", "Updated", """{"OwnerUserId":{"before":"u-ravi","after":"u-meera"}}""");

        var change = Assert.Single(Reader().Read(entry));

        Assert.Equal(("Account manager", "Ravi Shankar", "Meera Iyer"), (change.Label, change.Before, change.After));
    }

    [Fact]
    public void Read_UnknownUser_KeepsTheId()
    {
        var entry = Entry("Interaction", "Created", """{"CreatedByUserId":{"after":"u-gone"}}""");

        Assert.Equal("u-gone", Assert.Single(Reader().Read(entry)).After);
    }

    [Fact]
    public void Read_Timestamp_IsShownInTheReadersZoneAndCulture()
    {
        var entry = Entry("Interaction", "Updated", """{"OccurredAt":{"before":"2026-03-31T19:00:00+00:00","after":"2026-03-31T18:00:00+00:00"}}""");

        var culture = CultureInfo.GetCultureInfo("en-IN");

        var change = Assert.Single(Reader(culture.Name).Read(entry));

        Assert.Equal(new DateTime(2026, 4, 1, 0, 30, 0).ToString("g", culture), change.Before);
        Assert.Equal(new DateTime(2026, 3, 31, 23, 30, 0).ToString("g", culture), change.After);
    }

    [Fact]
    public void Read_CoreRecord_LabelsPropertiesAsPeopleCallThem()
    {
        var entry = Entry("Interaction", "Created", """{"OwnerUserId":{"after":"u-meera"},"Body":{"after":"x"},"Subject":{"after":"y"}}""");

        Assert.Equal(["Handled by", "Details", "Subject"], Reader().Read(entry).Select(c => c.Label));
    }

    [Fact]
    public void Read_PluginRecord_KeepsThePropertyNames()
    {
        var entry = Entry("Note", "Created", """{"Name":{"after":"x"},"Text":{"after":"y"}}""", owner: "fixture-alpha");

        Assert.Equal(["Name", "Text"], Reader().Read(entry).Select(c => c.Label));
    }

    [Fact]
    public void Read_TagOfACustomer_IsNamed()
    {
        var entry = Entry(AuditLabels.CustomerTagEntity, "Created", """{"CustomerId":{"after":1},"TagId":{"after":6}}""", key: "1,6");

        var changes = Reader().Read(entry, new HashSet<string> { "CustomerId" });

        Assert.Equal([("Tag", "ರೇಷ್ಮೆ")], changes.Select(c => (c.Label, c.After)));
    }

    [Fact]
    public void Read_ClearedUserId_IsEmpty()
    {
        var entry = Entry("Customer", "Updated", """{"OwnerUserId":{"before":"u-ravi","after":null}}""");

        var change = Assert.Single(Reader().Read(entry));

        Assert.Equal(("Ravi Shankar", (string?)null), (change.Before, change.After));
    }

    private static AuditChangeReader Reader(string culture = "en-GB") => new(Names, CultureInfo.GetCultureInfo(culture), India);

    private static AuditEntry Entry(string entity, string action, string changes, string owner = "crm", string key = "1") => new()
    {
        Owner = owner,
        Entity = entity,
        EntityKey = key,
        Action = action,
        Changes = changes,
        OccurredAt = DateTimeOffset.UnixEpoch,
    };
}
