using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>A customer with a project and the people who work and invoice: what most invoicing tests start from.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ProjectId">Its active project.</param>
/// <param name="Manager">A manager.</param>
/// <param name="Consultant">A consultant whose time is billed.</param>
/// <param name="Accountant">An accountant who invoices.</param>
public sealed record Billing(long CustomerId, long ProjectId, Person Manager, Person Consultant, Person Accountant)
{
    /// <summary>Sets up a customer billed in a currency, with a project at an hourly rate.</summary>
    /// <param name="fixture">The shared host.</param>
    /// <param name="currency">The customer's currency.</param>
    /// <param name="hourlyRate">The project's rate.</param>
    /// <param name="customerName">The customer's name, or a unique one.</param>
    public static async Task<Billing> CreateAsync(InvoicingHostFixture fixture, string currency = "INR", decimal hourlyRate = 1500m, string? customerName = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var builder = new CustomerBuilder().BilledIn(currency);
        if (customerName is not null)
        {
            builder.Named(customerName);
        }

        var customer = await builder.SaveAsync(fixture.Host);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var project = await fixture.Invoicing.CreateProjectAsync(manager, customer.Id, hourlyRate);
        return new Billing(customer.Id, project, manager, consultant, accountant);
    }
}
