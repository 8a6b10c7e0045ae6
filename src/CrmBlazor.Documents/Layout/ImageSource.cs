using SkiaSharp;

namespace CrmBlazor.Documents.Layout;

/// <summary>A PNG or JPEG picture of a document, checked and measured once; Skia embeds JPEG data as it is.</summary>
internal sealed class ImageSource : IDisposable
{
    private readonly SKData _data;
    private SKImage? _image;

    public ImageSource(ReadOnlyMemory<byte> encoded)
    {
        _data = SKData.CreateCopy(encoded.Span);
        using var codec = SKCodec.Create(_data)
            ?? throw new ArgumentException("The image is neither PNG nor JPEG data.", nameof(encoded));
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            throw new ArgumentException($"Images must be PNG or JPEG, not {codec.EncodedFormat}.", nameof(encoded));
        }

        PixelWidth = codec.Info.Width;
        PixelHeight = codec.Info.Height;
    }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    /// <summary>The picture for Skia, decoded on first use.</summary>
    public SKImage Image => _image ??= SKImage.FromEncodedData(_data)
        ?? throw new InvalidOperationException("Skia could not decode the image.");

    public void Dispose()
    {
        _image?.Dispose();
        _data.Dispose();
    }
}
