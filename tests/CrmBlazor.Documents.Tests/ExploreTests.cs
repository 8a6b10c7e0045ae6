using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

public class ExploreTests
{
    [Fact]
    public void Explore()
    {
        var document = new Document();
        foreach (var text in new[] { SampleTexts.Tamil, SampleTexts.TamilCustomer, SampleTexts.Kannada, SampleTexts.KannadaConjuncts, SampleTexts.Georgian, SampleTexts.Gujarati, SampleTexts.Urdu, SampleTexts.Arabic, SampleTexts.Mixed, SampleTexts.Ligatures })
        {
            document.Content.Add(new Paragraph(text) { Style = new TextStyle { Size = 16 } });
        }

        var pdf = PdfFiles.Render(document);
        PdfFiles.SaveWithPictures(pdf, "/tmp/pdf-explore", "scripts");
        File.WriteAllText("/tmp/pdf-explore/scripts.txt", PdfFiles.PdfToText(pdf));
    }
}
