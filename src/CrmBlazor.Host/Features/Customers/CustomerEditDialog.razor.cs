using CrmBlazor.Host.Features;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>Creates a customer, or edits one; a concurrent edit by someone else is reported, never overwritten.</summary>
public partial class CustomerEditDialog
{
    private CustomerInput _input = new();
    private Customer? _recorded;
    private string _tagText = string.Empty;
    private ChangeResult? _result;
    private bool _saving;
    private bool _loaded;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private CustomerService Customers { get; set; } = default!;

    [Inject]
    private CustomerQueries Queries { get; set; } = default!;

    /// <summary>The customer to edit, or null to create one.</summary>
    [Parameter]
    public long? CustomerId { get; set; }

    private AddressInput Address => _input.Addresses[0];

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        if (CustomerId is { } id && await Customers.GetAsync(id) is { } customer)
        {
            _input = CustomerInput.From(customer);
            _recorded = customer;
            _tagText = string.Join(", ", _input.Tags);
        }

        if (_input.Addresses.Count == 0)
        {
            _input.Addresses.Add(new AddressInput { Kind = AddressKind.Main });
        }

        _loaded = true;
    }

    private void TagsChanged(string value)
    {
        _tagText = value;
        _input.Tags = [.. value.Split([',', '،', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private async Task<IEnumerable<string>> SearchIndustriesAsync(string? text, CancellationToken cancellationToken) =>
        await Queries.IndustriesAsync(text, cancellationToken);

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _result = CustomerId is { } id ? await Customers.UpdateAsync(id, _input) : await Customers.CreateAsync(_input);
            if (_result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(_result.Id));
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
