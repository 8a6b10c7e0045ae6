using CrmBlazor.Plugins.Surveys.Features.Invitations;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Customers;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>
/// The send page of a survey: to one contact of a customer, to a segment (a job whose progress the page
/// follows), and the settings that send it without a manager (the reminder, a completed project).
/// </summary>
public sealed partial class SurveySendPage
{
    private static readonly string[] InviteFields = [nameof(InvitationInput.CustomerId), nameof(InvitationInput.ContactId), nameof(InvitationInput.ValidDays)];
    private static readonly string[] SegmentFields = [nameof(SegmentSendInput.AudienceId), nameof(SegmentSendInput.ValidDays)];
    private static readonly string[] SettingsFields = [nameof(SendingSettingsInput.RemindAfterDays), nameof(SendingSettingsInput.OnProjectCompleted)];
    private readonly PagePolling _polling = new(TimeSpan.FromSeconds(1));
    private SendingView? _view;
    private bool _missing;
    private bool _busy;
    private List<BreadcrumbItem> _crumbs = [];
    private CustomerSummary? _customer;
    private IReadOnlyList<ContactSummary> _contacts = [];
    private InvitationInput _invite = new();
    private ChangeResult? _inviteResult;
    private string? _invitedName;
    private SegmentSendInput _segment = new();
    private ChangeResult? _segmentResult;
    private AudienceReach? _reach;
    private IReadOnlyList<Data.SurveySend> _sends = [];
    private Guid? _followed;
    private SendingSettingsInput _settings = new();
    private ChangeResult? _settingsResult;

    [Inject]
    private SendingService Sending { get; set; } = default!;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    /// <summary>The survey.</summary>
    [Parameter]
    public long Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _crumbs = [new(L["Surveys"], "/surveys"), new(_view?.Survey.Name ?? L["Survey"], $"/surveys/{Id}"), new(L["Send"], null, disabled: true)];
    }

    public ValueTask DisposeAsync() => _polling.DisposeAsync();

    private async Task LoadAsync()
    {
        _view = await Sending.GetAsync(Id);
        _missing = _view is null;
        if (_view is { } view)
        {
            _sends = view.Sends;
            _settings = new SendingSettingsInput { RemindAfterDays = view.Survey.RemindAfterDays, OnProjectCompleted = view.OnProjectCompleted, RowVersion = view.Survey.RowVersion };
            Follow();
        }
    }

    // Polls while a send goes on; the job counts each invitation in the transaction that stores it.
    private void Follow() => _polling.Start(() => _sends.Any(s => s.FinishedAt is null), cancellationToken => InvokeAsync(async () =>
    {
        _sends = await Sending.GetSendsAsync(Id, cancellationToken);
        StateHasChanged();
    }));

    private async Task CustomerChangedAsync(CustomerSummary? customer)
    {
        _customer = customer;
        _invite.CustomerId = customer?.Id ?? 0;
        _invite.ContactId = 0;
        _contacts = customer is null ? [] : await Sending.ContactsAsync(customer.Id);
        if (_contacts.FirstOrDefault(c => c.IsPrimary) is { } primary)
        {
            _invite.ContactId = primary.Id;
        }
    }

    // The selects hold ids; they show the chosen contact's or segment's name, and nothing before a choice (id 0).
    private string ContactName(long id) => _contacts.FirstOrDefault(c => c.Id == id) is { } contact ? ContactText(contact) : string.Empty;

    private string SegmentName(long id) => _view?.Audiences.FirstOrDefault(a => a.Id == id)?.Name ?? string.Empty;

    private string ContactText(ContactSummary contact) =>
        contact.Email is { Length: > 0 } email ? $"{contact.Name} <{email}>" : $"{contact.Name} ({L["no e-mail address"]})";

    private async Task InviteAsync()
    {
        _busy = true;
        _invitedName = null;
        try
        {
            var invited = await Invitations.InviteAsync(Id, _invite);
            _inviteResult = invited.Result;
            if (invited.Result.Succeeded)
            {
                _invitedName = _contacts.FirstOrDefault(c => c.Id == _invite.ContactId)?.Name;
                _inviteResult = null;
                _invite = new InvitationInput { CustomerId = _invite.CustomerId, ValidDays = _invite.ValidDays };
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SegmentChangedAsync(long audienceId)
    {
        _segment.AudienceId = audienceId;
        _reach = audienceId > 0 ? await Sending.ReachAsync(audienceId) : null;
    }

    private async Task SendToSegmentAsync()
    {
        _busy = true;
        try
        {
            var started = await Sending.StartSegmentSendAsync(Id, _segment);
            _segmentResult = started.Result.Succeeded ? null : started.Result;
            if (started.SendId is { } sendId)
            {
                _followed = sendId;
                _sends = await Sending.GetSendsAsync(Id);
                Follow();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveSettingsAsync()
    {
        _busy = true;
        try
        {
            _settingsResult = await Sending.SaveSettingsAsync(Id, _settings);
            if (_settingsResult.Succeeded)
            {
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private static int ToInvite(Data.SurveySend send) => send.Recipients - send.WithoutEmail - send.AlreadyInvited;

    private string ProgressText(Data.SurveySend send) =>
        send.Recipients == 0 && send.FinishedAt is null
            ? L["Waiting for the segment's people…"]
            : L["{0} of {1} invited; skipped: {2} without an e-mail address, {3} already holding a link.",
                send.Invited.ToString("N0"), ToInvite(send).ToString("N0"), send.WithoutEmail.ToString("N0"), send.AlreadyInvited.ToString("N0")];
}
