using Bunit;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.UiKit;

/// <summary>The UI kit's user picker over the host's user directory: people are listed by name and chosen by id.</summary>
public abstract class UserPickerTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Picker_APersonChosenByName_GivesTheirId()
    {
        var name = "ثمینہ قریشی " + Guid.NewGuid().ToString("N")[..6];
        var person = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        await fixture.Host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CrmUser>>();
            var user = (await users.FindByIdAsync(person.Id))!;
            user.DisplayName = name;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        });
        await using var context = new PickerContext(fixture.Host);
        string? chosen = null;
        var picker = context.RenderWithPopovers<UserPicker>(new Dictionary<string, object>
        {
            [nameof(UserPicker.Label)] = "Account manager",
            [nameof(UserPicker.ValueChanged)] = EventCallback.Factory.Create<string?>(this, id => chosen = id),
        });

        await picker.Find(".mud-select .mud-input-control").MouseDownAsync(new());
        var item = picker.WaitForElements(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(10)).Single(i => i.TextContent.Contains(name, StringComparison.Ordinal));
        await item.ClickAsync(new());

        Assert.Equal(person.Id, chosen);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : UserPickerTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : UserPickerTests(fixture);
}
