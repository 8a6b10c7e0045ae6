using System.Diagnostics;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>The text a PDF reader extracts, through poppler's <c>pdftotext</c> (poppler-utils, installed by tools/test.sh).</summary>
public static class PdfText
{
    /// <summary>The text of every page, pages separated by form feeds.</summary>
    /// <param name="pdf">The PDF.</param>
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in new[] { "-enc", "UTF-8", "-", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(pdf);
        process.StandardInput.Close();
        var text = await output;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? text : throw new InvalidOperationException("pdftotext failed: " + await process.StandardError.ReadToEndAsync());
    }
}
