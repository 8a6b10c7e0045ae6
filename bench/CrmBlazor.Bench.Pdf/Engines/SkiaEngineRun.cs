using System.Collections.Concurrent;
using System.Diagnostics;
using CrmBlazor.Bench.Pdf.Invoices;
using CrmBlazor.Bench.Pdf.Measuring;
using CrmBlazor.Documents;

namespace CrmBlazor.Bench.Pdf.Engines;

/// <summary>Renders invoices with the document engine, in parallel, each into memory as a plugin would before sending it.</summary>
internal sealed class SkiaEngineRun(PdfRenderer renderer, int parallelism)
{
    /// <summary>Output buffers, one per worker, reused from invoice to invoice as a server reuses its response buffers.</summary>
    private readonly ConcurrentBag<MemoryStream> _buffers = [];

    /// <summary>Resident memory after every thousand invoices, to show it stays flat.</summary>
    public List<double> ResidentMegabytesPerThousand { get; } = [];

    /// <summary>The load average after every thousand invoices: the machine is shared.</summary>
    public List<double> LoadPerThousand { get; } = [];

    public async Task<EngineResult> RunAsync(int count, int firstInvoice = 0)
    {
        long totalBytes = 0;
        var failures = 0;
        var done = 0;
        using var sampler = new PeakSampler(ProcessMemory.OwnResidentBytes);
        var cpu = ProcessCpu.OwnSeconds();
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(firstInvoice, firstInvoice + count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, cancellationToken) =>
        {
            var document = BenchInvoices.Invoice(i).Build();
            var output = _buffers.TryTake(out var buffer) ? buffer : new MemoryStream(64 * 1024);
            output.SetLength(0);
            var pages = await renderer.RenderAsync(document, output, cancellationToken);
            Interlocked.Add(ref totalBytes, output.Length);
            _buffers.Add(output);
            if (pages != 1)
            {
                Interlocked.Increment(ref failures);
            }

            var finished = Interlocked.Increment(ref done);
            if (finished % 1000 == 0)
            {
                lock (ResidentMegabytesPerThousand)
                {
                    ResidentMegabytesPerThousand.Add(Math.Round(ProcessMemory.OwnResidentBytes() / 1048576.0, 1));
                    LoadPerThousand.Add(ProcessCpu.LoadAverage());
                }
            }
        });
        clock.Stop();
        return new EngineResult("skia", count, clock.Elapsed.TotalSeconds, totalBytes, sampler.PeakBytes, failures, ProcessCpu.OwnSeconds() - cpu);
    }
}
