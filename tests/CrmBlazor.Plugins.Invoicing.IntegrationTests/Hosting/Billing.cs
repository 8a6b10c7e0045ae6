using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

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
    /// <param name="email">The customer's e-mail address (where its documents are sent), or none.</param>
    public static Task<Billing> CreateAsync(InvoicingHostFixture fixture, string currency = "INR", decimal hourlyRate = 1500m, string? customerName = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return CreateAsync(fixture.Host, currency, hourlyRate, customerName, email);
    }

    /// <summary>Sets up a customer billed in a currency, with a project at an hourly rate, in a host of the test's own.</summary>
    /// <param name="host">The host.</param>
    /// <param name="currency">The customer's currency.</param>
    /// <param name="hourlyRate">The project's rate.</param>
    /// <param name="customerName">The customer's name, or a unique one.</param>
    /// <param name="email">The customer's e-mail address (where its documents are sent), or none.</param>
    public static async Task<Billing> CreateAsync(CrmHostFactory host, string currency = "INR", decimal hourlyRate = 1500m, string? customerName = null, string? email = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = new CustomerBuilder().BilledIn(currency);
        if (customerName is not null)
        {
            builder.Named(customerName);
        }

        if (email is not null)
        {
            builder.WithEmail(email);
        }

        var customer = await builder.SaveAsync(host);
        var manager = await Person.CreateAsync(host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(host, CrmRoles.Staff);
        var accountant = await Person.CreateAsync(host, CrmRoles.Accountant);
        var project = await InvoicingPlugin.In(host).CreateProjectAsync(manager, customer.Id, hourlyRate);
        return new Billing(customer.Id, project, manager, consultant, accountant);
    }
}
