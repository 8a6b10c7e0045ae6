using Bunit;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.UiKit;

/// <summary>
/// The UI kit's customer picker over the host's customer directory and a real database: what the user
/// types is searched on the server (words and their first letters in any script), and the customer
/// chosen from the list is the one the page gets.
/// </summary>
public abstract class CustomerPickerTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("மதுரை நெசவாளர் கூட்டுறவு", "நெசவா")]
    [InlineData("لاہور ٹیکسٹائل ملز", "ٹیکسٹائل")]
    [InlineData("ქუთაისის ღვინის სახლი", "ღვინ")]
    public async Task Picker_TypingAWordOfTheName_ListsTheCustomerAndChoosesIt(string name, string typed)
    {
        // A word of its own in every test, so the list holds this test's customer only.
        var tag = "zq" + Guid.NewGuid().ToString("N")[..8];
        var id = await SaveAsync($"{name} {tag}");
        await using var context = new PickerContext(fixture.Host);
        CustomerSummary? chosen = null;
        var picker = context.RenderWithPopovers<CustomerPicker>(new Dictionary<string, object>
        {
            [nameof(CustomerPicker.Label)] = "Customer",
            [nameof(CustomerPicker.ValueChanged)] = EventCallback.Factory.Create<CustomerSummary?>(this, c => chosen = c),
        });

        await picker.Find("input").InputAsync(new() { Value = $"{typed} {tag}" });
        var item = picker.WaitForElement(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(10));
        Assert.Contains($"{name} {tag}", item.TextContent, StringComparison.Ordinal);
        await item.ClickAsync(new());

        Assert.Equal(id, chosen?.Id);
    }

    [Fact]
    public async Task Picker_SearchBox_IsNamedByItsLabel()
    {
        await using var context = new PickerContext(fixture.Host);

        var picker = context.RenderWithPopovers<CustomerPicker>(new Dictionary<string, object> { [nameof(CustomerPicker.Label)] = "Customer" });

        Assert.Equal("Customer", picker.Find("input").GetAttribute("aria-label"));
    }

    private async Task<long> SaveAsync(string name)
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var input = new CustomerInput { Name = name, Currency = "INR", Addresses = [new AddressInput { City = "Chennai", Country = "IN" }] };
        var result = await fixture.Host.AsUserAsync(manager, s => s.GetRequiredService<CustomerService>().CreateAsync(input));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return result.Id!.Value;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : CustomerPickerTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : CustomerPickerTests(fixture);
}
