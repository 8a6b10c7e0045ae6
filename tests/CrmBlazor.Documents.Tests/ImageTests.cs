using CrmBlazor.Sdk.Documents;
using SkiaSharp;
using UglyToad.PdfPig;

namespace CrmBlazor.Documents.Tests;

/// <summary>PNG and JPEG pictures (a logo) are embedded at the size asked for.</summary>
public class ImageTests
{
    [Fact]
    public void Image_Png_IsEmbeddedAtTheWidthAskedForWithItsProportions()
    {
        var png = Picture(SKEncodedImageFormat.Png, 200, 100);

        var pdf = PdfFiles.Render(new Document { Content = { new Image(png) { Width = 96 } } });

        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPage(1).GetImages());
        Assert.Equal(96, image.BoundingBox.Width, 0.5);
        Assert.Equal(48, image.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void Image_Jpeg_IsEmbeddedAsItsOriginalBytes()
    {
        var jpeg = Picture(SKEncodedImageFormat.Jpeg, 120, 80);

        var pdf = PdfFiles.Render(new Document { Content = { new Image(jpeg) { Width = 60 } } });

        using var document = PdfDocument.Open(pdf);
        var image = Assert.Single(document.GetPage(1).GetImages());
        Assert.Equal(jpeg, image.RawBytes.ToArray());
    }

    [Fact]
    public void Image_NeitherPngNorJpeg_IsRefused()
    {
        var gif = "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray();

        var error = Assert.ThrowsAny<ArgumentException>(() => PdfFiles.Render(new Document { Content = { new Image(gif) } }));

        Assert.Contains("PNG", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Picture(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
