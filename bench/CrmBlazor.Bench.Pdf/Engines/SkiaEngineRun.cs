using System.Diagnostics;
using CrmBlazor.Bench.Pdf.Invoices;
using CrmBlazor.Bench.Pdf.Measuring;
using CrmBlazor.Documents;

namespace CrmBlazor.Bench.Pdf.Engines;

/// <summary>Renders invoices with the document engine, in parallel, each into memory as a plugin would before sending it.</summary>
internal sealed class SkiaEngineRun(SkiaPdfRenderer renderer, int parallelism)
{
    /// <summary>Resident memory after every thousand invoices, to show it stays flat.</summary>
    public List<double> ResidentMegabytesPerThousand { get; } = [];

    public async Task<EngineResult> RunAsync(int count, int firstInvoice = 0)
    {
        long totalBytes = 0;
        var failures = 0;
        var done = 0;
        using var sampler = new PeakSampler(ProcessMemory.OwnResidentBytes);
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(firstInvoice, firstInvoice + count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, cancellationToken) =>
        {
            var document = BenchInvoices.Invoice(i).Build();
            using var output = new MemoryStream(48 * 1024);
            var pages = await renderer.RenderAsync(document, output, cancellationToken);
            Interlocked.Add(ref totalBytes, output.Length);
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
                }
            }
        });
        clock.Stop();
        return new EngineResult("skia", count, clock.Elapsed.TotalSeconds, totalBytes, sampler.PeakBytes, failures);
    }
}
