using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Documents;

/// <summary>The host offers plugins the document engine through the SDK's <see cref="IPdfRenderer"/>.</summary>
[Collection(SqliteHost.Name)]
public sealed class PdfRendererTests(SqliteHostFixture fixture)
{
    [Fact]
    public async Task Host_ResolvesIPdfRenderer_ThatRendersADocument()
    {
        var renderer = fixture.Host.Services.GetRequiredService<IPdfRenderer>();
        using var output = new MemoryStream();

        var pages = await renderer.RenderAsync(new Document { Content = { new Paragraph("வாடிக்கையாளர் உறவு மேலாண்மை") } }, output);

        Assert.Equal(1, pages);
        Assert.Equal("%PDF-"u8.ToArray(), output.ToArray()[..5]);
    }

    [Fact]
    public void Host_IPdfRenderer_IsOneSharedInstance()
    {
        using var first = fixture.Host.Services.CreateScope();
        using var second = fixture.Host.Services.CreateScope();

        Assert.Same(first.ServiceProvider.GetRequiredService<IPdfRenderer>(), second.ServiceProvider.GetRequiredService<IPdfRenderer>());
    }
}
