using System.Globalization;
using CrmBlazor.Plugins.Projects.Features.Shared;
using CrmBlazor.Sdk.Catalogue;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Projects;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Plugins.Projects.Features.Projects;

/// <summary>
/// Creates a project (<c>/projects/new</c>, optionally <c>?customer=</c>) or edits one
/// (<c>/projects/{id}/edit</c>): details, dates, lead, service, billing mode, rate, budget and monthly allowance. Managers only,
/// checked by the page's policy and again by <see cref="ProjectService"/>.
/// </summary>
public partial class ProjectEditPage
{
    private static readonly string[] Fields =
    [
        nameof(ProjectInput.CustomerId), nameof(ProjectInput.Name), nameof(ProjectInput.Description), nameof(ProjectInput.EndDate),
        nameof(ProjectInput.OwnerUserId), nameof(ProjectInput.HourlyRate), nameof(ProjectInput.BudgetHours), nameof(ProjectInput.BudgetAmount),
        nameof(ProjectInput.ServiceId), nameof(ProjectInput.MonthlyAllowanceHours),
    ];

    private ProjectInput _input = new();
    private CustomerSummary? _customer;
    private ProjectStatus _status;
    private ChangeResult? _result;
    private bool _loaded;
    private bool _missing;
    private bool _saving;
    private AddressQuery _address = new();
    private IReadOnlyList<CatalogueService> _services = [];

    [Inject]
    private ProjectService Projects { get; set; } = default!;

    [Inject]
    private ProjectQueries Queries { get; set; } = default!;

    [Inject]
    private ICustomerDirectory Customers { get; set; } = default!;

    [Inject]
    private IServiceCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The project to edit, or null for a new one.</summary>
    [Parameter]
    public long? Id { get; set; }

    /// <summary>The customer of a new project (<c>?customer=</c>, a customer's number).</summary>
    [SupplyParameterFromQuery(Name = "customer")]
    public string? Customer { get; set; }

    private string Currency => _customer?.Currency ?? string.Empty;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (Id is { } id)
        {
            var detail = await Queries.GetAsync(id);
            if (detail is null)
            {
                _missing = true;
                return;
            }

            var project = detail.Project;
            _customer = detail.Customer ?? new CustomerSummary(project.CustomerId, "#" + project.CustomerId, project.Currency, null, false);
            _status = project.Status;
            _input = new ProjectInput
            {
                CustomerId = project.CustomerId,
                Name = project.Name,
                Description = project.Description,
                Status = project.Status,
                StartDate = project.StartDate,
                EndDate = project.EndDate,
                OwnerUserId = project.OwnerUserId,
                BillingMode = project.BillingMode,
                HourlyRate = project.HourlyRate,
                BudgetHours = project.BudgetHours,
                BudgetAmount = project.BudgetAmount,
                ServiceId = project.ServiceId,
                MonthlyAllowanceHours = project.MonthlyAllowanceHours,
                RowVersion = project.RowVersion,
            };
        }
        else
        {
            // A customer the address names that does not exist (or is archived) is left out and noted.
            _address = new AddressQuery();
            if (_address.Id("customer", Customer) is { } customerId)
            {
                if (await Customers.GetAsync(customerId) is { IsArchived: false } customer)
                {
                    _customer = customer;
                    _input.CustomerId = customer.Id;
                    _input.OwnerUserId = customer.OwnerUserId;
                }
                else
                {
                    _address.Refuse("customer", Customer);
                }
            }
        }

        // The services offered, and the project's own if it has been retired since: it keeps it.
        var offered = await Catalogue.ListAsync();
        _services = _input.ServiceId is { } serviceId && offered.All(s => s.Id != serviceId) && await Catalogue.GetAsync(serviceId) is { } own
            ? [.. offered, own]
            : offered;
        _loaded = true;
    }

    private void CustomerChanged(CustomerSummary? customer)
    {
        _customer = customer;
        _input.CustomerId = customer?.Id;
        _input.OwnerUserId ??= customer?.OwnerUserId;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _result = Id is { } id ? await Projects.UpdateAsync(id, _input) : await Projects.CreateAsync(_input);
            if (_result.Succeeded)
            {
                Navigation.NavigateTo($"/projects/{_result.Id}");
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? ToDate(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private static CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
}
