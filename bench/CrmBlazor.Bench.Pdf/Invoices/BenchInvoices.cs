using System.Globalization;
using CrmBlazor.Documents.Tests.Builders;

namespace CrmBlazor.Bench.Pdf.Invoices;

/// <summary>
/// The invoices of the run: 30 lines each; four in ten have a customer named in Tamil, Kannada,
/// Georgian or Urdu (right to left), with a few lines in that script; the others are Latin.
/// </summary>
internal static class BenchInvoices
{
    private static readonly string[] LatinCustomers = ["Northwind Traders Ltd", "Contoso Pharmaceuticals", "Fabrikam Residences", "Adventure Works Cycles", "Tailspin Toys GmbH", "Wide World Importers"];

    private static readonly (string Script, string Customer, string Line)[] ScriptCustomers =
    [
        ("Tamil", "வாடிக்கையாளர் உறவு மேலாண்மை நிறுவனம்", "இ-காமர்ஸ் மற்றும் வணிக சேவைகள்"),
        ("Kannada", "ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ ಸಂಸ್ಥೆ", "ಚಿಲ್ಲರೆ ವ್ಯಾಪಾರ ಸಲಹೆ"),
        ("Georgian", "მომხმარებელთან ურთიერთობის ცენტრი", "კონსულტაცია და მხარდაჭერა"),
        ("Urdu", "گاہک تعلقات کا انتظام", "مشاورت اور معاونت"),
    ];

    /// <summary>The script of invoice i's customer.</summary>
    public static string ScriptOf(int i) => i % 10 is 1 or 3 or 5 or 7 ? ScriptCustomers[i % 10 / 2].Script : "Latin";

    public static SampleInvoice Invoice(int i)
    {
        var number = $"INV-2026-{i + 1:00000}";
        if (i % 10 is 1 or 3 or 5 or 7)
        {
            var (_, customer, line) = ScriptCustomers[i % 10 / 2];
            return new SampleInvoice
            {
                Number = number,
                CustomerName = customer,
                LineDescription = n => n % 5 == 0 ? $"{line} ({n})" : LatinLine(i, n),
            };
        }

        return new SampleInvoice
        {
            Number = number,
            CustomerName = LatinCustomers[i % LatinCustomers.Length],
            LineDescription = n => LatinLine(i, n),
        };
    }

    private static string LatinLine(int invoice, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"Consulting, week {line}: workshop and follow-up, ticket #{(invoice * 31) + line}");
}
