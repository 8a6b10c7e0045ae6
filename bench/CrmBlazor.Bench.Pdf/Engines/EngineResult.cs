namespace CrmBlazor.Bench.Pdf.Engines;

/// <summary>What one engine did: how many invoices, how fast, how big, with how much memory and processor time.</summary>
internal sealed record EngineResult(string Engine, int Invoices, double Seconds, long TotalBytes, long PeakResidentBytes, int Failures, double CpuSeconds)
{
    public double InvoicesPerSecond => Invoices / Seconds;

    /// <summary>Processor time per invoice, in milliseconds.</summary>
    public double CpuMillisecondsPerInvoice => Invoices == 0 ? 0 : CpuSeconds * 1000 / Invoices;

    public double BytesPerInvoice => Invoices == 0 ? 0 : TotalBytes / (double)Invoices;
}
