using CrmBlazor.Documents.Tests.Builders;
using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Tests;

/// <summary>The renderer as plugins use it: thread-safe, asynchronous, cancellable.</summary>
public class RendererTests
{
    private readonly PdfRenderer _renderer = new();

    [Fact]
    public async Task RenderAsync_ManyDocumentsInParallel_GivesEachTheTextOfARenderOnItsOwn()
    {
        string[] names = [SampleTexts.TamilCustomer, SampleTexts.Kannada, SampleTexts.Georgian, SampleTexts.Urdu, "Northwind Traders"];
        var invoices = Enumerable.Range(0, 24).Select(i => new SampleInvoice { CustomerName = names[i % names.Length], Number = $"INV-2026-{i:00000}" }.Build()).ToList();
        var alone = invoices.Select(invoice => PdfFiles.PdfToText(PdfFiles.Render(invoice))).ToList();

        var parallel = await Task.WhenAll(invoices.Select(invoice => Task.Run(async () =>
        {
            using var output = new MemoryStream();
            await _renderer.RenderAsync(invoice, output);
            return PdfFiles.PdfToText(output.ToArray());
        })));

        Assert.Equal(alone, parallel);
    }

    [Fact]
    public async Task RenderAsync_ToAStreamThatOnlyWritesAsynchronously_WritesTheWholePdf()
    {
        using var inner = new MemoryStream();
        await using var output = new AsyncOnlyStream(inner);

        var pages = await _renderer.RenderAsync(new SampleInvoice().Build(), output);

        Assert.Equal(1, pages);
        Assert.Contains("Northwind Traders Ltd", PdfFiles.PdfToText(inner.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ToAFile_WritesTheWholeMultiPagePdf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-documents-{Guid.NewGuid():N}.pdf");
        try
        {
            await using (var file = File.Create(path))
            {
                await _renderer.RenderAsync(new SampleInvoice { LineCount = 120 }.Build(), file);
            }

            var pdf = await File.ReadAllBytesAsync(path);
            var text = TextNormalizer.Normalize(PdfFiles.PdfToText(pdf));
            Assert.Contains("Consulting, week 1:", text, StringComparison.Ordinal);
            Assert.Contains("Consulting, week 120:", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RenderAsync_CancelledBeforehand_ThrowsAndWritesNothing()
    {
        using var output = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _renderer.RenderAsync(new SampleInvoice().Build(), output, new CancellationToken(canceled: true)));

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task RenderAsync_MultiPageDocument_ReturnsThePageCount()
    {
        using var output = new MemoryStream();

        var pages = await _renderer.RenderAsync(new Document { Content = { new Paragraph("1"), new PageBreak(), new Paragraph("2"), new PageBreak(), new Paragraph("3") } }, output);

        Assert.Equal(3, pages);
    }

    /// <summary>Refuses synchronous writes, as Kestrel's response body does.</summary>
    private sealed class AsyncOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    }
}
