namespace CrmBlazor.Testing;

/// <summary>Waits for something that happens in the background (a job, an event delivery) by asking again until it holds.</summary>
public static class Eventually
{
    /// <summary>How long to wait unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Asks until the condition holds.</summary>
    /// <param name="what">What is awaited, for the message on timeout ("Beta received the note").</param>
    /// <param name="condition">The question.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> by default.</param>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static async Task HoldsAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var started = DateTime.UtcNow;
        var delay = TimeSpan.FromMilliseconds(50);
        while (!await condition())
        {
            if (DateTime.UtcNow - started > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s, but never saw that {what}.");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    /// <summary>Asks until the answer satisfies the condition, and returns that answer.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="what">What is awaited, for the message on timeout.</param>
    /// <param name="question">The question.</param>
    /// <param name="condition">When the answer is good enough.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> by default.</param>
    /// <exception cref="TimeoutException">No answer satisfied the condition in time; the message shows the last one.</exception>
    public static async Task<T> ReturnsAsync<T>(string what, Func<Task<T>> question, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(condition);
        T last = default!;
        try
        {
            await HoldsAsync(what, async () => condition(last = await question()), timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + $" Last answer: {last}.", e);
        }

        return last;
    }
}
