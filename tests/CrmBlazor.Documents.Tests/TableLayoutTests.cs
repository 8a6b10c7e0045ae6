using CrmBlazor.Documents.Layout;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

/// <summary>How a table's rows are laid out.</summary>
public class TableLayoutTests
{
    [Theory]
    [InlineData(SampleTexts.Tamil)]
    [InlineData(SampleTexts.KannadaConjuncts)]
    [InlineData(SampleTexts.Urdu)]
    public void Table_RowMixingScripts_SetsTheFirstLineOfEveryCellOnOneBaseline(string description)
    {
        var document = new Document
        {
            Content =
            {
                new Table
                {
                    Columns = { new TableColumn(ColumnWidth.Relative()), new TableColumn(ColumnWidth.Fixed(80), TextAlignment.End) },
                    Rows = { new TableRow(description, "4,500.00") },
                },
            },
        };

        using var layout = new DocumentLayouter(FontCollection.Embedded, new TextShaper()).Layout(document, CancellationToken.None);

        var texts = layout.Pages[0].Items.OfType<TextItem>().ToList();
        var amount = texts.Single(item => item.Run.Text == "4,500.00");
        Assert.All(texts, item => Assert.Equal(amount.Baseline, item.Baseline, 0.01f));
    }
}
