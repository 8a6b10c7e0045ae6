using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Bench.Pdf.Invoices;

/// <summary>
/// A page to look at (bench/run.sh pdf --samples DIR writes it as scripts.pdf): the first paragraph of
/// each sample article, Urdu set right to left with numbers inside, a mixed English and Urdu line, and
/// a table whose Urdu and Tamil cells hold amounts.
/// </summary>
internal static class ScriptSampler
{
    private const string Urdu = "گاہک تعلقات کا انتظام: انوائس نمبر 2026-00042، رقم 1,250.50 روپے، 12 گھنٹے کام (15 نومبر تک)۔";

    public static Document Build(string samplesDirectory)
    {
        var heading = new TextStyle { Size = 11, Weight = FontWeight.Bold };
        var document = new Document { DefaultStyle = new TextStyle { Size = 10 }, Title = "Scripts", Margins = Margins.All(40) };
        foreach (var (name, file) in new[] { ("Tamil", "ta-crm-article.txt"), ("Kannada", "kn-crm-article.txt"), ("Georgian", "ka-crm-article.txt") })
        {
            var paragraph = File.ReadLines(Path.Combine(samplesDirectory, file)).First(line => line.Trim().Length > 200).Trim();
            document.Content.Add(new Paragraph(name) { Style = heading, SpaceBefore = 8 });
            document.Content.Add(new Paragraph(paragraph));
        }

        document.Content.Add(new Paragraph("Urdu, right to left") { Style = heading, SpaceBefore = 8 });
        document.Content.Add(new Paragraph(Urdu) { Direction = TextDirection.RightToLeft });
        document.Content.Add(new Paragraph("Mixed line") { Style = heading, SpaceBefore = 8 });
        document.Content.Add(new Paragraph("Invoice 42 for گاہک تعلقات کا انتظام, 12 hours at 1,500.00 — ಗ್ರಾಹಕ, வாடிக்கையாளர், მომხმარებელი."));
        document.Content.Add(new Table
        {
            Columns = { new TableColumn(ColumnWidth.Relative()), new TableColumn(ColumnWidth.Fixed(80), TextAlignment.End) },
            HeaderRow = new TableRow("Description", "Amount") { Style = new TextStyle { Weight = FontWeight.Bold } },
            Rows =
            {
                new TableRow("مشاورت اور معاونت (12 گھنٹے)", "18,000.00"),
                new TableRow("இ-காமர்ஸ் மற்றும் வணிக சேவைகள் (3)", "4,500.00"),
                new TableRow("ಚಿಲ್ಲರೆ ವ್ಯಾಪಾರ ಸಲಹೆ, ಕ್ಷೇತ್ರ ಪ್ರವಾಸ", "2,250.00"),
                new TableRow("კონსულტაცია და მხარდაჭერა", "1,000.00"),
            },
        });
        return document;
    }
}
