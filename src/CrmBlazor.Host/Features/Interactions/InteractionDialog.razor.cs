using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Sdk.Formatting;
using CrmBlazor.Sdk.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Interactions;

/// <summary>Logs an interaction with a customer, or edits one.</summary>
public partial class InteractionDialog
{
    private InteractionInput _input = new();
    private DateTime _today;
    private DateTime? _date;
    private TimeSpan? _time;
    private ChangeResult? _result;
    private bool _saving;
    private List<(long Id, string Name)> _contacts = [];
    private List<(string Id, string Name)> _users = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private InteractionService Interactions { get; set; } = default!;

    [Inject]
    private InteractionQueries Queries { get; set; } = default!;

    [Inject]
    private CustomerQueries Customers { get; set; } = default!;

    [Inject]
    private IUserDirectory Users { get; set; } = default!;

    [Inject]
    private UserDisplay Show { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The customer.</summary>
    [Parameter, EditorRequired]
    public long CustomerId { get; set; }

    /// <summary>The interaction to edit, or null to log a new one.</summary>
    [Parameter]
    public long? InteractionId { get; set; }

    /// <summary>The channel to start with when logging.</summary>
    [Parameter]
    public InteractionChannel? Channel { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        // Now on the user's clock: the default of a new interaction, and the latest day it can have.
        var now = Show.ToLocal(Clock.GetUtcNow());
        _today = now.Date;
        (_date, _time) = (now.Date, now.TimeOfDay);
        _contacts = [.. await Customers.ActiveContactsAsync(CustomerId)];
        _users = [.. (await Users.ListAsync()).Select(u => (u.Id, u.Name))];
        if (InteractionId is { } id)
        {
            var interaction = await Queries.GetAsync(id);
            if (interaction is not null)
            {
                _input = InteractionInput.From(interaction);
                var local = Show.ToLocal(interaction.OccurredAt);
                _date = local.Date;
                _time = local.TimeOfDay;
            }
        }
        else if (Channel is { } channel)
        {
            ChannelChanged(channel);
        }
    }

    private void ChannelChanged(InteractionChannel channel)
    {
        _input.Channel = channel;
        _input.Direction = channel switch
        {
            InteractionChannel.Note => InteractionDirection.Internal,
            InteractionChannel.Complaint or InteractionChannel.Inquiry or InteractionChannel.WebForm or InteractionChannel.InStoreVisit => InteractionDirection.Inbound,
            _ => _input.Direction == InteractionDirection.Internal ? InteractionDirection.Outbound : _input.Direction,
        };
    }

    private string ContactName(long id) => _contacts.FirstOrDefault(c => c.Id == id).Name ?? string.Empty;

    private string UserName(string id) => _users.FirstOrDefault(u => u.Id == id).Name ?? string.Empty;

    private async Task SaveAsync()
    {
        var day = DateOnly.FromDateTime(_date ?? _today);
        _input.OccurredAt = Show.At(day, TimeOnly.FromTimeSpan(_time ?? TimeSpan.Zero));
        _saving = true;
        try
        {
            _result = InteractionId is { } id ? await Interactions.UpdateAsync(id, _input) : await Interactions.LogAsync(CustomerId, _input);
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
