using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmBlazor.Bench.Pdf.Engines;
using CrmBlazor.Bench.Pdf.Invoices;
using CrmBlazor.Bench.Pdf.Measuring;
using CrmBlazor.Documents;

// bench/run.sh pdf [--count N] [--html-sample N] [--parallel N] [--samples DIR] [--no-html]
// Renders N one-page, 30-line invoices with the document engine in parallel, and a sample of the
// same invoices as HTML through wkhtmltopdf and headless Chromium. The last line is RESULT {json}.
var options = BenchOptions.Parse(args);
var renderer = new PdfRenderer();

if (options.SamplesDirectory is { } samples)
{
    Directory.CreateDirectory(samples);
    foreach (var i in new[] { 0, 1, 3, 5, 7 })
    {
        var path = Path.Combine(samples, $"invoice-{BenchInvoices.ScriptOf(i).ToLowerInvariant()}.pdf");
        await using var file = File.Create(path);
        await renderer.RenderAsync(BenchInvoices.Invoice(i).Build(), file);
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".html"), InvoiceHtml.From(BenchInvoices.Invoice(i).Build()));
        Console.WriteLine($"wrote {path}");
    }

    var scripts = Path.Combine(samples, "scripts.pdf");
    await using (var file = File.Create(scripts))
    {
        await renderer.RenderAsync(ScriptSampler.Build(Path.Combine(AppContext.BaseDirectory, "Samples")), file);
    }

    Console.WriteLine($"wrote {scripts}");
    return 0;
}

var load = ProcessCpu.LoadAverage();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PDF benchmark: {options.Count:N0} invoices with the engine, {options.HtmlSample} through each HTML engine, {options.Parallelism} at a time, {Environment.ProcessorCount} cores, load average {load:F2}."));

// Warm-up: fonts, JIT, shaped-run cache, subsetter preparation (invoices outside the measured range).
var warmup = new SkiaEngineRun(renderer, options.Parallelism);
await warmup.RunAsync(200, firstInvoice: 1_000_000);

var skiaRun = new SkiaEngineRun(renderer, options.Parallelism);
var skia = await skiaRun.RunAsync(options.Count);
Report(skia);
Console.WriteLine($"  resident MB after each 1,000: {string.Join(", ", skiaRun.ResidentMegabytesPerThousand.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"  load average after each 1,000: {string.Join(", ", skiaRun.LoadPerThousand.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))}");

var results = new List<EngineResult> { skia };
if (!options.NoHtml)
{
    var work = Path.Combine(Path.GetTempPath(), $"crm-pdf-bench-{Environment.ProcessId}");
    try
    {
        foreach (var engine in new[] { HtmlEngineRun.Wkhtmltopdf(options.Parallelism), HtmlEngineRun.Chromium(options.Parallelism) })
        {
            var result = await engine.RunAsync(options.HtmlSample, work);
            Report(result);
            results.Add(result);
        }
    }
    finally
    {
        Directory.Delete(work, recursive: true);
    }
}

var wkhtml = results.FirstOrDefault(r => r.Engine == "wkhtmltopdf");
var chromium = results.FirstOrDefault(r => r.Engine == "chromium");
var flat = skiaRun.ResidentMegabytesPerThousand;
var growth = flat.Count >= 3 ? flat[^1] - flat[1] : 0;
var summary = new Dictionary<string, object?>
{
    ["invoices"] = options.Count,
    ["html_sample"] = options.NoHtml ? 0 : options.HtmlSample,
    ["parallelism"] = options.Parallelism,
    ["cores"] = Environment.ProcessorCount,
    ["load_average_at_start"] = load,
    ["engines"] = results.ToDictionary(r => r.Engine, r => new Dictionary<string, object>
    {
        ["invoices"] = r.Invoices,
        ["failures"] = r.Failures,
        ["seconds"] = Math.Round(r.Seconds, 2),
        ["invoices_per_second"] = Math.Round(r.InvoicesPerSecond, 2),
        ["bytes_per_invoice"] = Math.Round(r.BytesPerInvoice),
        ["peak_rss_mb"] = Math.Round(r.PeakResidentBytes / 1048576.0, 1),
        ["cpu_ms_per_invoice"] = Math.Round(r.CpuMillisecondsPerInvoice, 2),
    }),
    ["skia_rss_mb_per_thousand"] = flat,
    ["skia_rss_growth_mb_after_2000"] = Math.Round(growth, 1),
    ["load_average_at_end"] = ProcessCpu.LoadAverage(),
    ["speed_ratio_vs_wkhtmltopdf"] = wkhtml is null ? null : Math.Round(skia.InvoicesPerSecond / wkhtml.InvoicesPerSecond, 1),
    ["speed_ratio_vs_chromium"] = chromium is null ? null : Math.Round(skia.InvoicesPerSecond / chromium.InvoicesPerSecond, 1),
    ["size_ratio_vs_wkhtmltopdf"] = wkhtml is null ? null : Math.Round(skia.BytesPerInvoice / wkhtml.BytesPerInvoice, 2),
    ["size_ratio_vs_chromium"] = chromium is null ? null : Math.Round(skia.BytesPerInvoice / chromium.BytesPerInvoice, 2),
    ["cpu_ratio_vs_wkhtmltopdf"] = wkhtml is null ? null : Math.Round(wkhtml.CpuMillisecondsPerInvoice / skia.CpuMillisecondsPerInvoice, 1),
    ["cpu_ratio_vs_chromium"] = chromium is null ? null : Math.Round(chromium.CpuMillisecondsPerInvoice / skia.CpuMillisecondsPerInvoice, 1),
};
Console.WriteLine("RESULT " + JsonSerializer.Serialize(summary));
return skia.Failures == 0 ? 0 : 1;

static void Report(EngineResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{result.Engine,-12} {result.Invoices,6:N0} invoices in {result.Seconds,8:F2} s = {result.InvoicesPerSecond,9:F1}/s, {result.BytesPerInvoice / 1024,6:F1} KiB each, peak RSS {result.PeakResidentBytes / 1048576.0,7:F1} MB, CPU {result.CpuMillisecondsPerInvoice,7:F1} ms each{(result.Failures > 0 ? $", {result.Failures} FAILED" : string.Empty)}"));

/// <summary>The benchmark's command-line options.</summary>
internal sealed record BenchOptions(int Count, int HtmlSample, int Parallelism, string? SamplesDirectory, bool NoHtml)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(10_000, 50, Environment.ProcessorCount, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "pdf" => options,
                "--count" => options with { Count = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--html-sample" => options with { HtmlSample = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--parallel" => options with { Parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--samples" => options with { SamplesDirectory = args[++i] },
                "--no-html" => options with { NoHtml = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Usage: bench/run.sh pdf [--count N] [--html-sample N] [--parallel N] [--samples DIR] [--no-html]"),
            };
        }

        return options;
    }
}
