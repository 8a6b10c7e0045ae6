namespace CrmBlazor.Bench.Pdf.Engines;

/// <summary>What one engine did: how many invoices, how fast, how big, with how much memory.</summary>
internal sealed record EngineResult(string Engine, int Invoices, double Seconds, long TotalBytes, long PeakResidentBytes, int Failures)
{
    public double InvoicesPerSecond => Invoices / Seconds;

    public double BytesPerInvoice => Invoices == 0 ? 0 : TotalBytes / (double)Invoices;
}
