using CrmBlazor.Sdk.Components;

namespace CrmBlazor.Sdk.Tests.Components;

/// <summary>A page reads again while it waits for work done elsewhere, once at a time, and stops when the work ends or the page closes.</summary>
public sealed class PagePollingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Start_WhileWaiting_ReadsUntilTheWorkIsOver()
    {
        await using var polling = new PagePolling(Interval);
        var readings = 0;
        var done = new TaskCompletionSource();

        polling.Start(() => readings < 3, _ =>
        {
            if (++readings == 3)
            {
                done.SetResult();
            }

            return Task.CompletedTask;
        });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await WaitUntilAsync(() => !polling.IsPolling);
        Assert.Equal(3, readings);
    }

    [Fact]
    public async Task Start_WhenNothingIsAwaited_ReadsNothing()
    {
        await using var polling = new PagePolling(Interval);
        var readings = 0;

        polling.Start(() => false, _ => Task.FromResult(++readings));

        Assert.False(polling.IsPolling);
        await Task.Delay(Interval * 5);
        Assert.Equal(0, readings);
    }

    [Fact]
    public async Task Start_WhilePolling_KeepsOneLoop()
    {
        await using var polling = new PagePolling(Interval);
        var first = 0;
        var second = 0;

        polling.Start(() => true, _ => Task.FromResult(++first));
        polling.Start(() => true, _ => Task.FromResult(++second));
        await WaitUntilAsync(() => first >= 3);

        Assert.Equal(0, second);
    }

    [Fact]
    public async Task Dispose_DuringAReading_CancelsItAndStopsTheLoop()
    {
        var polling = new PagePolling(Interval);
        var reading = new TaskCompletionSource();
        var cancelled = false;
        polling.Start(() => true, async cancellationToken =>
        {
            reading.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await polling.DisposeAsync();

        Assert.True(cancelled);
        Assert.False(polling.IsPolling);
        polling.Start(() => true, _ => throw new InvalidOperationException("A closed page reads nothing."));
        Assert.False(polling.IsPolling);
    }

    [Fact]
    public async Task Start_WithALimit_StopsWhenItHasPassed()
    {
        await using var polling = new PagePolling(Interval);
        var readings = 0;

        polling.Start(() => true, _ => Task.FromResult(++readings), limit: Interval * 3);

        await WaitUntilAsync(() => !polling.IsPolling);
        Assert.InRange(readings, 0, 4);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var wait = 0; wait < 500 && !condition(); wait++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "The condition did not hold within 10 s.");
    }
}
