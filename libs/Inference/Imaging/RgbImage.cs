using System.Buffers;

namespace Platform.Inference.Imaging;

/// <summary>8-bit packed RGB pixels in a pooled buffer; dispose to return it.</summary>
public sealed class RgbImage : IDisposable
{
    private byte[]? buffer;

    public RgbImage(int width, int height, ImageSize? declaredSize = null)
    {
        Width = width;
        Height = height;
        DeclaredSize = declaredSize ?? new ImageSize(height, width);
        buffer = ArrayPool<byte>.Shared.Rent(checked(width * height * PillowResampler.Channels));
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The upright size the file declares; larger than these pixels after a scaled decode.</summary>
    public ImageSize DeclaredSize { get; }

    public Span<byte> Pixels => (buffer ?? throw new ObjectDisposedException(nameof(RgbImage)))
        .AsSpan(0, Width * Height * PillowResampler.Channels);

    public void Dispose()
    {
        if (buffer is { } rented)
        {
            buffer = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
