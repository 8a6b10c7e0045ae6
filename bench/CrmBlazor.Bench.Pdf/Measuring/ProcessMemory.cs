using System.Globalization;

namespace CrmBlazor.Bench.Pdf.Measuring;

/// <summary>Resident memory read from /proc: of this process, or of all processes it started (their whole trees).</summary>
internal static class ProcessMemory
{
    private static readonly long PageSize = Environment.SystemPageSize;

    public static long OwnResidentBytes() => ResidentBytes(Environment.ProcessId);

    /// <summary>The summed resident memory of every descendant of this process (e.g. Chromium's renderer and GPU processes).</summary>
    public static long DescendantsResidentBytes()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        var self = Environment.ProcessId;
        long total = 0;
        foreach (var pid in parents.Keys)
        {
            var ancestor = parents.GetValueOrDefault(pid);
            var depth = 0;
            while (ancestor > 1 && ancestor != self && depth++ < 64)
            {
                ancestor = parents.GetValueOrDefault(ancestor);
            }

            if (ancestor == self)
            {
                total += ResidentBytes(pid);
            }
        }

        return total;
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            var statm = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(statm[1], CultureInfo.InvariantCulture) * PageSize;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Samples a memory figure every few milliseconds on its own thread and keeps the peak.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Func<long> _sample;
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _peak;

    public PeakSampler(Func<long> sample, int intervalMilliseconds = 25)
    {
        _sample = sample;
        _thread = new Thread(() =>
        {
            while (!_stopped)
            {
                var value = _sample();
                if (value > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, value);
                }

                Thread.Sleep(intervalMilliseconds);
            }
        })
        { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}
