namespace CrmBlazor.Documents.Tests;

/// <summary>The sample articles of shared/samples/text, copied into Samples/: real prose in Tamil, Kannada and Georgian.</summary>
internal static class SampleArticles
{
    public const string Tamil = "ta-crm-article.txt";

    public const string Kannada = "kn-crm-article.txt";

    public const string Georgian = "ka-crm-article.txt";

    /// <summary>The article's paragraphs (its non-empty lines).</summary>
    public static string[] Paragraphs(string file) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Samples", file))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToArray();
}
