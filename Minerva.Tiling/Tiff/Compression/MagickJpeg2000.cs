using ImageMagick;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// The portable JPEG 2000 decoder: Magick.NET (Apache-2.0), whose NuGet package ships ImageMagick with OpenJPEG
/// inside for linux-x64, so it runs where Debian's libopenjp2 is absent (Azure Functions workers). Its 8-bit
/// build keeps 8 bits per sample: deeper codestreams need the native OpenJPEG.
/// </summary>
internal static class MagickJpeg2000
{
    /// <summary>Decodes like <see cref="OpenJpeg.Decode"/>: full-resolution interleaved samples, values as stored.</summary>
    /// <exception cref="InvalidDataException">The codestream is damaged, deeper than 8 bits, or decodes to another size.</exception>
    public static void Decode(ReadOnlySpan<byte> codestream, Jpeg2000Codestream header, Span<byte> destination, int pitch)
    {
        if (header.Components.Any(c => c.Precision > 8 || c.Signed))
        {
            throw new InvalidDataException("the portable JPEG 2000 decoder reads unsigned 8-bit components only; install libopenjp2 (Debian libopenjp2-7) for deeper ones");
        }

        var count = header.Components.Count;
        try
        {
            using var image = new MagickImage(codestream, new MagickReadSettings { Format = MagickFormat.J2k });
            if (image.Width != header.Width || image.Height != header.Height)
            {
                throw new InvalidDataException($"ImageMagick decoded {image.Width}×{image.Height} pixels where the codestream declares {header.Width}×{header.Height}");
            }

            using var pixels = image.GetPixelsUnsafe();
            var samples = pixels.ToByteArray(0, 0, image.Width, image.Height, count == 1 ? "R" : "RGB")
                ?? throw new InvalidDataException("ImageMagick returned no pixels");
            var rowBytes = header.Width * count;
            for (var y = 0; y < header.Height; y++)
            {
                samples.AsSpan(y * rowBytes, rowBytes).CopyTo(destination[(y * pitch)..]);
            }
        }
        catch (MagickException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
