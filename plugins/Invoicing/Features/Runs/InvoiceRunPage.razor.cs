using System.Globalization;
using CrmBlazor.Plugins.Invoicing.Data;
using CrmBlazor.Plugins.Invoicing.Features.Invoices;
using CrmBlazor.Plugins.Invoicing.Features.Shared;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Navigation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CrmBlazor.Plugins.Invoicing.Features.Runs;

/// <summary>
/// The monthly invoice runs: start one for a month now, and watch its progress (the run record is
/// read again every 1.5 s while a run is going) and the drafts it made.
/// </summary>
public partial class InvoiceRunPage
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1.5);

    private readonly PagePolling _polling = new(PollInterval);
    private bool _sendOnIssue;
    private IReadOnlyList<InvoiceRun>? _runs;
    private IReadOnlyList<InvoiceListItem>? _drafts;
    private DateOnly? _shown;
    private DateOnly _month;
    private IReadOnlyList<DateOnly> _months = [];
    private DateOnly? _awaited;
    private DateTimeOffset _startedAt;
    private DateTimeOffset _openedAt = DateTimeOffset.MaxValue;
    private ChangeResult? _result;
    private bool _starting;
    private AddressQuery _address = new();

    [Inject]
    private InvoiceRunQueries Queries { get; set; } = default!;

    [Inject]
    private InvoiceRunService Runs { get; set; } = default!;

    [Inject]
    private IOptions<InvoicingSettings> Settings { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The month to run, from the address (<c>?month=2026-10</c>); the previous month when not given.</summary>
    [SupplyParameterFromQuery(Name = "month")]
    public string? Month { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _openedAt = Clock.GetUtcNow();
        var today = Show.Day(_openedAt);
        // Runs cover the months InvoiceRunService accepts; a month outside them is moved into them (noted).
        _address = new AddressQuery();
        _month = _address.Month("month", Month, InvoiceRunService.FirstMonth, InvoiceRunService.LastMonth)
            ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        _months = MonthChoices(new DateOnly(today.Year, today.Month, 1), _month);
        await RefreshAsync();
        if (_runs is { Count: > 0 } runs)
        {
            await ShowDraftsAsync(runs[0].PeriodStart);
        }

        StartPolling();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _polling.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private bool Running(DateOnly month) => _awaited == month || _runs?.Any(r => r.PeriodStart == month && r.Status == InvoiceRunStatus.Running) == true;

    private async Task StartAsync()
    {
        _starting = true;
        _startedAt = Clock.GetUtcNow();
        try
        {
            _result = await Runs.StartAsync(_month.Year, _month.Month, _sendOnIssue);
        }
        finally
        {
            _starting = false;
        }

        if (_result.Succeeded)
        {
            _awaited = _month;
            await ShowDraftsAsync(_month);
            StartPolling();
        }
    }

    private async Task ShowDraftsAsync(DateOnly period)
    {
        _shown = period;
        _drafts = await Queries.DraftsOfAsync(period);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        _runs = await Queries.RecentAsync(12, cancellationToken);
        // A run just queued has no record yet (or its month's record from an earlier run): wait for the job to
        // write it, for a minute at most.
        if (_awaited is { } awaited
            && (_runs.Any(r => r.PeriodStart == awaited && r.StartedAt >= _startedAt.AddSeconds(-1)) || Clock.GetUtcNow() - _startedAt > TimeSpan.FromMinutes(1)))
        {
            _awaited = null;
        }

        if (_shown is { } shown)
        {
            _drafts = await Queries.DraftsOfAsync(shown, cancellationToken);
        }
    }

    // Polls while a run is going or one was just started; stops by itself when they finished.
    private void StartPolling() => _polling.Start(AnyRunning, cancellationToken => InvokeAsync(async () =>
    {
        await RefreshAsync(cancellationToken);
        StateHasChanged();
    }));

    private bool AnyRunning() => _awaited is not null || _runs?.Any(r => r.Status == InvoiceRunStatus.Running) == true;

    // The months offered: this one and the 24 before it, newest first, and the month from the address if older.
    private static IReadOnlyList<DateOnly> MonthChoices(DateOnly thisMonth, DateOnly chosen)
    {
        var months = Enumerable.Range(0, 25).Select(back => thisMonth.AddMonths(-back)).ToList();
        if (!months.Contains(chosen))
        {
            months.Add(chosen);
            months.Sort((a, b) => b.CompareTo(a));
        }

        return months;
    }
}
