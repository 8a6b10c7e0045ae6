using System.Globalization;
using CrmBlazor.Host.Features;
using CrmBlazor.Sdk.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// The segments with their member counts and last refresh; "Refresh now" queues
/// <see cref="SegmentRefreshJob"/> for one segment and follows the run until it finishes.
/// </summary>
public sealed partial class SegmentList : IDisposable
{
    /// <summary>How often a running refresh is asked how far it has got.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<long, JobRunInfo?> _runs = [];
    private IReadOnlyList<SegmentSummary>? _segments;
    private ChangeResult? _result;
    private bool _canManage;

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private IJobScheduler Jobs { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<SegmentList> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _canManage = (await Authorization.AuthorizeAsync((await AuthenticationState).User, CorePermissions.ManageSegments)).Succeeded;
        _segments = await Segments.ListAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private string RunText(JobRunInfo? run) => run?.State switch
    {
        null or JobRunState.Queued => L["Waiting to start…"],
        JobRunState.Running => string.Format(CultureInfo.CurrentCulture, L["Refreshing… {0}%"].Value, run.Percent),
        JobRunState.Failed => L["Failed; it will be retried."],
        _ => L["Done"],
    };

    private async Task RefreshAsync(SegmentSummary segment)
    {
        var (result, runId) = await Segments.QueueRefreshAsync(segment.Id);
        _result = result.Succeeded ? null : result;
        if (runId is not { } id)
        {
            return;
        }

        _runs[segment.Id] = null;
        _ = FollowAsync(segment, id, _disposed.Token);
    }

    private async Task FollowAsync(SegmentSummary segment, Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            JobRunInfo? run;
            do
            {
                await Task.Delay(PollInterval, cancellationToken);
                run = await Jobs.GetRunAsync(runId, cancellationToken);
                _runs[segment.Id] = run;
                await InvokeAsync(StateHasChanged);
            }
            while (run is { State: JobRunState.Queued or JobRunState.Running } or { State: JobRunState.Failed, FinishedAt: null });

            _runs.Remove(segment.Id);
            _segments = await Segments.ListAsync(cancellationToken);
            var now = _segments.FirstOrDefault(s => s.Id == segment.Id);
            var (message, severity) = (run?.State, now) switch
            {
                (JobRunState.Failed, _) => (string.Format(CultureInfo.CurrentCulture, L["Refreshing \"{0}\" failed: {1}"].Value, segment.Name, run!.Message), Severity.Error),
                (_, { HasRuleProblems: true }) => (string.Format(CultureInfo.CurrentCulture, L["\"{0}\" was not refreshed: its rules use a field that is no longer available."].Value, segment.Name), Severity.Warning),
                (_, { } refreshed) => (string.Format(CultureInfo.CurrentCulture, L["\"{0}\" refreshed. Members now: {1}."].Value, segment.Name, refreshed.MemberCount.ToString("N0", CultureInfo.CurrentCulture)), Severity.Success),
                _ => (string.Format(CultureInfo.CurrentCulture, L["\"{0}\" no longer exists."].Value, segment.Name), Severity.Info),
            };
            await InvokeAsync(() =>
            {
                Snackbar.Add(message, severity);
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The user left the page; the run goes on without being watched.
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            Logger.LogWarning(e, "Following the refresh of segment {SegmentId} failed", segment.Id);
            _runs.Remove(segment.Id);
            await InvokeAsync(StateHasChanged);
        }
    }
}
