using System.Diagnostics;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

/// <summary>Renders documents with the real engine and reads them back with poppler's command-line tools.</summary>
internal static class PdfFiles
{
    private static readonly PdfRenderer Renderer = new();

    public static byte[] Render(Document document)
    {
        using var output = new MemoryStream();
        Renderer.RenderAsync(document, output).GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>The text poppler's pdftotext extracts, of one page or of all.</summary>
    /// <param name="pdf">The file.</param>
    /// <param name="page">The page, or null for all.</param>
    /// <param name="layout">
    /// Keep the physical layout (-layout). Without it pdftotext joins a word hyphenated at a line's end
    /// and drops the hyphen, which changes text such as "CRM-ის" broken after the hyphen.
    /// </param>
    public static string PdfToText(byte[] pdf, int? page = null, bool layout = false)
    {
        var arguments = new List<string> { "-enc", "UTF-8" };
        if (layout)
        {
            arguments.Add("-layout");
        }

        if (page is { } number)
        {
            arguments.AddRange(["-f", number.ToString(), "-l", number.ToString()]);
        }

        arguments.AddRange(["-", "-"]);
        return Run("pdftotext", arguments, pdf);
    }

    /// <summary>Writes the PDF and its pages as PNG (pdftoppm -r 100) to a folder, for a person to look at.</summary>
    public static string SaveWithPictures(byte[] pdf, string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        Run("pdftoppm", ["-r", "100", "-png", path, Path.Combine(folder, name)], input: null);
        return path;
    }

    private static string Run(string tool, IEnumerable<string> arguments, byte[]? input)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: apt-get install poppler-utils (tools/test.sh does).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
            }

            return stdout.Result;
        }
    }
}
