using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Sdk.Components;

/// <summary>
/// A progress bar for long work, with its name and value for assistive technology, that tells screen readers
/// how far the work has got at every <see cref="AnnounceEvery"/> percent (not at every change, which would
/// drown the reader), and when it ends: <see cref="Completed"/> politely, <see cref="Failed"/> at once. An end
/// is told when this component saw the work going on or the page <see cref="Followed"/> it, so that a finished
/// run listed again is not announced again.
/// </summary>
public sealed partial class WorkProgress
{
    private string? _said;
    private string? _alarm;
    private int _step = -1;
    private bool _sawRunning;
    private bool _ended;

    /// <summary>The bar's accessible name, already localised ("Import customers").</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = default!;

    /// <summary>How much is done, out of <see cref="Max"/>; null while that is not known yet (the bar moves without a value).</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>The amount of the whole work (100 by default, for a percentage); at least 1 is assumed.</summary>
    [Parameter]
    public double Max { get; set; } = 100;

    /// <summary>
    /// How far the work is, in words, already localised ("120 of 400 customers saved…"): the bar's value text,
    /// and what screen readers are told at each step.
    /// </summary>
    [Parameter, EditorRequired]
    public string Text { get; set; } = default!;

    /// <summary>What to tell when the work has finished ("Imported 400 customers."), or null while it goes on.</summary>
    [Parameter]
    public string? Completed { get; set; }

    /// <summary>What to tell when the work has failed, or null while it has not.</summary>
    [Parameter]
    public string? Failed { get; set; }

    /// <summary>
    /// Whether the page follows this work since it started (the user started it, or it started while the page
    /// was open): its end is then told even when it had already ended when the bar first showed (quick work).
    /// </summary>
    [Parameter]
    public bool Followed { get; set; }

    /// <summary>Every how many percent screen readers are told the progress (25 by default).</summary>
    [Parameter]
    public int AnnounceEvery { get; set; } = 25;

    /// <summary>The bar's colour.</summary>
    [Parameter]
    public Color Color { get; set; } = Color.Primary;

    /// <summary>The bar's thickness.</summary>
    [Parameter]
    public Size Size { get; set; } = Size.Medium;

    /// <summary>Other attributes (<c>data-testid</c>, <c>Class</c>…), passed to the bar.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Failed is not null || Completed is not null)
        {
            if ((_sawRunning || Followed) && !_ended)
            {
                (_alarm, _said) = Failed is not null ? (Failed, _said) : (_alarm, Completed);
            }

            _ended = true;
            return;
        }

        // The work goes on (again).
        var first = !_sawRunning;
        (_sawRunning, _ended) = (true, false);
        if (Value is not { } value)
        {
            return;
        }

        var percent = Math.Clamp(100 * value / Math.Max(1, Max), 0, 100);
        var step = (int)(percent / Math.Max(1, AnnounceEvery));
        if (step > _step)
        {
            _step = step;
            // Not the state found on arrival, nor the end (Completed says it).
            if (!first && percent < 100)
            {
                _said = Text;
            }
        }
    }
}
