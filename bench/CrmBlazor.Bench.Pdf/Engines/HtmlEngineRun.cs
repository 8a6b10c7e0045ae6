using System.Diagnostics;
using CrmBlazor.Bench.Pdf.Invoices;
using CrmBlazor.Bench.Pdf.Measuring;

namespace CrmBlazor.Bench.Pdf.Engines;

/// <summary>
/// Renders the same invoices as HTML with an external HTML-to-PDF program, one process per invoice
/// as Odoo (wkhtmltopdf) and Invoice Ninja (headless Chromium) do, as many at once as there are cores.
/// </summary>
internal sealed class HtmlEngineRun(string engine, string program, Func<string, string, string[]> arguments, int parallelism)
{
    public static HtmlEngineRun Wkhtmltopdf(int parallelism) => new(
        "wkhtmltopdf",
        "wkhtmltopdf",
        (html, pdf) => ["--quiet", "--page-size", "A4", "--margin-top", "0", "--margin-bottom", "0", "--margin-left", "0", "--margin-right", "0", html, pdf],
        parallelism);

    public static HtmlEngineRun Chromium(int parallelism) => new(
        "chromium",
        "chromium",
        (html, pdf) =>
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={pdf}.profile",
            $"--print-to-pdf={pdf}", "file://" + html,
        ],
        parallelism);

    public async Task<EngineResult> RunAsync(int count, string workDirectory)
    {
        var folder = Path.Combine(workDirectory, engine);
        Directory.CreateDirectory(folder);
        var jobs = Enumerable.Range(0, count).Select(i =>
        {
            var html = Path.Combine(folder, $"invoice-{i:00000}.html");
            File.WriteAllText(html, InvoiceHtml.From(BenchInvoices.Invoice(i).Build()));
            return (Html: html, Pdf: Path.ChangeExtension(html, ".pdf"));
        }).ToList();

        long totalBytes = 0;
        var failures = 0;
        using var sampler = new PeakSampler(ProcessMemory.DescendantsResidentBytes, 50);
        var cpu = ProcessCpu.ReapedChildrenSeconds();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (job, cancellationToken) =>
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments(job.Html, job.Pdf))
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["QT_QPA_PLATFORM"] = "offscreen";
            using var process = Process.Start(start)!;
            var drainOut = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var drainErr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(drainOut, drainErr);
            if (File.Exists(job.Pdf) && new FileInfo(job.Pdf).Length > 0)
            {
                Interlocked.Add(ref totalBytes, new FileInfo(job.Pdf).Length);
            }
            else
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"{engine} failed on {job.Html} ({process.ExitCode}): {(await drainErr).Trim()}");
            }
        });
        clock.Stop();
        return new EngineResult(engine, count - failures, clock.Elapsed.TotalSeconds, totalBytes, sampler.PeakBytes, failures, ProcessCpu.ReapedChildrenSeconds() - cpu);
    }
}
