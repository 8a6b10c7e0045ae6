using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Host.Features.Segments;

/// <summary>
/// How many active customers the rules match right now, counted again shortly after every edit
/// (debounced, so that typing a value runs one count, not one per key). When the rules cannot be
/// evaluated, their messages are handed to the page to show next to the rules instead of a count.
/// </summary>
public sealed partial class SegmentLiveCount : IDisposable
{
    private CancellationTokenSource? _pending;
    private int _countedVersion = -1;
    private int? _count;
    private CountState _state = CountState.Counting;

    /// <summary>Where the count is.</summary>
    public enum CountState
    {
        /// <summary>Counting (the last count, if any, is shown dimmed).</summary>
        Counting,

        /// <summary>Counted.</summary>
        Counted,

        /// <summary>The rules cannot be evaluated; see the rules' messages.</summary>
        Invalid,

        /// <summary>The database did not answer.</summary>
        Failed,
    }

    [Inject]
    private SegmentService Segments { get; set; } = default!;

    [Inject]
    private ILogger<SegmentLiveCount> Logger { get; set; } = default!;

    /// <summary>The rules to count.</summary>
    [Parameter, EditorRequired]
    public SegmentDefinition Definition { get; set; } = new();

    /// <summary>Changes with every edit of the rules; a new value schedules a new count.</summary>
    [Parameter]
    public int Version { get; set; }

    /// <summary>How long to wait after the last edit before counting.</summary>
    [Parameter]
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Raised after each count with what is wrong with the rules (empty when nothing is).</summary>
    [Parameter]
    public EventCallback<IReadOnlyDictionary<string, string[]>> ErrorsChanged { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Version == _countedVersion)
        {
            return;
        }

        // The first count runs at once; later ones wait until the user pauses.
        var delay = _countedVersion < 0 ? TimeSpan.Zero : Delay;
        _countedVersion = Version;
        _state = CountState.Counting;
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        _ = CountAsync(delay, _pending.Token);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    private async Task CountAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            // Rules are counted as they are now, from a copy, so that edits during the count do not race it.
            var (count, errors) = await Segments.CountAsync(SegmentDefinition.FromJson(Definition.ToJson()), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            _count = count ?? _count;
            _state = count is null ? CountState.Invalid : CountState.Counted;
            await InvokeAsync(async () =>
            {
                await ErrorsChanged.InvokeAsync(errors);
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // A newer edit took over.
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            Logger.LogWarning(e, "A segment's live count failed");
            _state = CountState.Failed;
            await InvokeAsync(StateHasChanged);
        }
    }
}
