using Bunit;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Sdk.Tests.Components;

/// <summary>A message from the server shown under a field is tied to the field, so that a screen reader reads it with the field.</summary>
public sealed class FieldErrorIdTests : KitTestContext
{
    public FieldErrorIdTests()
    {
        Services.AddSingleton<IUserDirectory>(new Users());
        Services.AddSingleton<ICustomerDirectory>(new Customers());
    }

    [Fact]
    public void TextField_WithTheServersMessageAndItsErrorId_IsInvalidAndDescribedByTheMessage()
    {
        var field = Render<MudTextField<string>>(p => p.Add(f => f.Label, "Title").Add(f => f.Error, true).Add(f => f.ErrorText, "Enter a title.")
            .Add(f => f.ErrorId, FieldErrorId.For(this, "Title")));

        AssertTiedTo(field, "Enter a title.");
    }

    [Fact]
    public void UserPicker_WithTheServersMessage_IsInvalidAndDescribedByTheMessage()
    {
        var picker = Render<UserPicker>(p => p.Add(u => u.Label, "Project lead").Add(u => u.ErrorText, "Choose a project lead."));

        AssertTiedTo(picker, "Choose a project lead.");
    }

    [Fact]
    public void CustomerPicker_WithTheServersMessage_IsInvalidAndDescribedByTheMessage()
    {
        var picker = Render<CustomerPicker>(p => p.Add(c => c.Label, "Customer").Add(c => c.ErrorText, "Choose a customer."));

        AssertTiedTo(picker, "Choose a customer.");
    }

    [Fact]
    public void Ids_OfTwoFormsOnOnePage_Differ()
    {
        var (first, second) = (new object(), new object());

        Assert.NotEqual(FieldErrorId.For(first, "Name"), FieldErrorId.For(second, "Name"));
        Assert.Equal(FieldErrorId.For(first, "Name"), FieldErrorId.For(first, "Name"));
        Assert.Matches("^[A-Za-z0-9_-]+$", FieldErrorId.For(first, "Addresses[0].Street"));
    }

    private static void AssertTiedTo<TComponent>(IRenderedComponent<TComponent> field, string message)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var input = field.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var describedBy = input.GetAttribute("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy), "The field names no element that describes it.");
        Assert.Equal(message, field.Find($"[id='{describedBy}']").TextContent.Trim());
    }

    private sealed class Users : IUserDirectory
    {
        public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<UserSummary>>([new UserSummary("u1", "Meera Iyer", null, [])]);

        public Task<IReadOnlyDictionary<string, UserSummary>> GetManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    private sealed class Customers : ICustomerDirectory
    {
        public Task<CustomerSummary?> GetAsync(long customerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<long, CustomerSummary>> GetManyAsync(IReadOnlyCollection<long> customerIds, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? text, int take = 20, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CustomerSummary>>([]);

        public Task<BillingRecipient?> GetBillingRecipientAsync(long customerId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
