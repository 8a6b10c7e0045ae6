using System.Globalization;
using System.Net;
using System.Text;
using CrmBlazor.Documents.Tests.Builders;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Bench.Pdf.Invoices;

/// <summary>
/// The same invoice as an HTML page for the HTML-to-PDF engines: the content of <see cref="SampleInvoice"/>'s
/// document (header, addresses, table, totals, footer) in the fonts the system has (Noto).
/// </summary>
internal static class InvoiceHtml
{
    public static string From(Document document)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Invoice</title><style>
            @page { size: A4; margin: 36pt; }
            body { font-family: 'Noto Sans', 'Noto Sans Tamil', 'Noto Sans Kannada', 'Noto Sans Georgian', 'Noto Naskh Arabic', sans-serif; font-size: 9pt; margin: 0; }
            .head { display: flex; justify-content: space-between; font-size: 12pt; font-weight: bold; margin-bottom: 12pt; }
            table { width: 100%; border-collapse: collapse; margin-top: 8pt; }
            th { background: #ebebeb; text-align: start; }
            th, td { padding: 2.5pt; border-bottom: 0.5pt solid #ebebeb; }
            .n { text-align: end; width: 60pt; }
            .total { text-align: end; }
            footer { text-align: center; color: #6e6e6e; font-size: 8pt; margin-top: 12pt; }
            </style></head><body>
            """);
        var header = (Table)document.Header[0];
        var headerCells = header.Rows[0].Cells;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"head\"><span>{Text(headerCells[0])}</span><span>{Text(headerCells[1])}</span></div>");
        foreach (var block in document.Content)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    var align = paragraph.Alignment == TextAlignment.End ? " class=\"total\"" : string.Empty;
                    var bold = paragraph.Style?.Weight == FontWeight.Bold;
                    html.Append(CultureInfo.InvariantCulture, $"<p{align} dir=\"auto\" style=\"margin:0\">{(bold ? "<b>" : string.Empty)}{Text(paragraph)}{(bold ? "</b>" : string.Empty)}</p>");
                    break;
                case Table table:
                    html.Append("<table><thead><tr>");
                    foreach (var (cell, i) in table.HeaderRow!.Cells.Select((c, i) => (c, i)))
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<th{(i > 0 ? " class=\"n\"" : string.Empty)}>{Text(cell)}</th>");
                    }

                    html.Append("</tr></thead><tbody>");
                    foreach (var row in table.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var (cell, i) in row.Cells.Select((c, i) => (c, i)))
                        {
                            html.Append(CultureInfo.InvariantCulture, $"<td{(i > 0 ? " class=\"n\"" : " dir=\"auto\"")}>{Text(cell)}</td>");
                        }

                        html.Append("</tr>");
                    }

                    html.Append("</tbody></table>");
                    break;
            }
        }

        html.Append("<footer>Page 1 of 1</footer></body></html>");
        return html.ToString();
    }

    private static string Text(TableCell cell) => string.Concat(cell.Content.OfType<Paragraph>().Select(Text));

    private static string Text(Paragraph paragraph) =>
        WebUtility.HtmlEncode(string.Concat(paragraph.Spans.Select(span => span.Text)));
}
