using System.Globalization;

namespace CrmBlazor.Bench.Pdf.Measuring;

/// <summary>
/// Processor time from /proc/self/stat: this process's own (user + system), and that of the child
/// processes it has waited for (cutime + cstime, which include their own reaped children, e.g.
/// Chromium's renderers). Unlike wall time, it hardly depends on what else the machine runs.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static double OwnSeconds() => Fields(13) + Fields(14);

    public static double ReapedChildrenSeconds() => Fields(15) + Fields(16);

    /// <summary>The one-minute load average.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>A field of /proc/self/stat in seconds, numbered from 0 after the command name as in proc(5) minus two.</summary>
    private static double Fields(int index)
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[index - 2], CultureInfo.InvariantCulture) / TicksPerSecond;
    }
}
