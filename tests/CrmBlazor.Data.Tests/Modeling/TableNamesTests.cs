using CrmBlazor.Data.Modeling;

namespace CrmBlazor.Data.Tests.Modeling;

public sealed class TableNamesTests
{
    [Theory]
    [InlineData("crm", "crm")]
    [InlineData("projects", "projects")]
    [InlineData("fixture-alpha", "fixture_alpha")]
    [InlineData("Upsell-2", "upsell_2")]
    public void PrefixOf_OwnerId_IsLowerCaseWithUnderscores(string ownerId, string prefix)
    {
        Assert.Equal(prefix, TableNames.PrefixOf(ownerId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void PrefixOf_BlankOwnerId_IsRefused(string ownerId)
    {
        Assert.ThrowsAny<ArgumentException>(() => TableNames.PrefixOf(ownerId));
    }

    [Fact]
    public void Prefixed_TableWithoutPrefix_GetsIt()
    {
        Assert.Equal("fixture_alpha_notes", TableNames.Prefixed("fixture-alpha", "notes"));
    }

    [Fact]
    public void Prefixed_TableAlreadyPrefixed_IsLeftAlone()
    {
        Assert.Equal("fixture_alpha_notes", TableNames.Prefixed("fixture-alpha", "fixture_alpha_notes"));
    }

    [Fact]
    public void Prefixed_TableStartingWithTheIdButNotThePrefix_GetsIt()
    {
        Assert.Equal("projects_projectsettings", TableNames.Prefixed("projects", "projectsettings"));
    }
}
