using Bunit;
using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;

namespace CrmBlazor.Host.Tests.Features.Audit;

public sealed class AuditChangesTests : ComponentTestContext
{
    [Fact]
    public void Updated_ShowsLabelBeforeAndAfter()
    {
        var changes = Render<AuditChanges>(p => p
            .Add(c => c.Changes, [new AuditChange("OwnerUserId", "Account manager", "Ravi Shankar", "Meera Iyer")])
            .Add(c => c.Action, "Updated"));

        Assert.Equal("Account manager", changes.Find("strong").TextContent);
        Assert.Equal("Ravi Shankar", changes.Find("[data-testid=audit-before]").TextContent);
        Assert.Equal("Meera Iyer", changes.Find("[data-testid=audit-after]").TextContent);
        Assert.Contains("→", changes.Markup);
    }

    [Fact]
    public void Updated_ValueCleared_ShowsADashAfter()
    {
        var changes = Render<AuditChanges>(p => p
            .Add(c => c.Changes, [new AuditChange("Industry", "Industry", "Textiles", null)])
            .Add(c => c.Action, "Updated"));

        Assert.Equal("–", changes.Find("[data-testid=audit-after]").TextContent);
    }

    [Fact]
    public void Created_ShowsOnlyTheNewValue()
    {
        var changes = Render<AuditChanges>(p => p
            .Add(c => c.Changes, [new AuditChange("City", "City", null, "சென்னை")])
            .Add(c => c.Action, "Created"));

        Assert.Equal("City: சென்னை", Normalised(changes.Find("[data-testid=audit-change]").TextContent));
        Assert.Empty(changes.FindAll("[data-testid=audit-before]"));
    }

    [Fact]
    public void Deleted_ShowsOnlyTheOldValue()
    {
        var changes = Render<AuditChanges>(p => p
            .Add(c => c.Changes, [new AuditChange("City", "City", "சென்னை", null)])
            .Add(c => c.Action, "Deleted"));

        Assert.Equal("சென்னை", changes.Find("[data-testid=audit-before]").TextContent);
        Assert.Empty(changes.FindAll("[data-testid=audit-after]"));
    }

    [Fact]
    public void Updated_RightToLeft_ArrowPointsToTheNewValue()
    {
        using var culture = CultureScope.Of("ur-PK");

        var changes = Render<AuditChanges>(p => p
            .Add(c => c.Changes, [new AuditChange("Phone", "Phone", "+92 300 1111111", "+92 300 2222222")])
            .Add(c => c.Action, "Updated"));

        Assert.Contains("←", changes.Markup);
        Assert.DoesNotContain("→", changes.Markup);
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
