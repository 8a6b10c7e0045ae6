namespace CrmBlazor.Sdk.Formatting;

/// <summary>Round steps for a chart's value axis, whatever the size of the numbers.</summary>
public static class ChartScale
{
    /// <summary>
    /// The step between grid lines that gives about <paramref name="lines"/> lines up to
    /// <paramref name="maximum"/>: 1, 2 or 5 times a power of ten, and never below 1 (counts are whole).
    /// </summary>
    /// <param name="maximum">The largest value shown.</param>
    /// <param name="lines">About how many grid lines above zero.</param>
    public static int Step(double maximum, int lines = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        if (maximum <= lines)
        {
            return 1;
        }

        var rough = maximum / lines;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (rough / magnitude) switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 5 => 5,
            _ => 10,
        } * magnitude;
        return (int)Math.Min(step, int.MaxValue);
    }
}
