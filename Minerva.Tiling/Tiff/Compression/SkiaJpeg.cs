using System.Buffers;
using SkiaSharp;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// The portable JPEG decoder: SkiaSharp (MIT), whose NuGet package ships Skia with libjpeg-turbo inside for linux-x64
/// (the NoDependencies build needs nothing from the OS), so it runs where Debian's libturbojpeg is absent (Azure
/// Functions workers) and gives the same samples as the native path: libjpeg-turbo's integer IDCT and smooth chroma
/// upsampling, colour space from the stream's markers.
/// </summary>
internal static class SkiaJpeg
{
    /// <summary>Decodes a complete JPEG stream into rows <paramref name="pitch"/> bytes apart; returns the bytes the rows span.</summary>
    /// <exception cref="InvalidDataException">The stream is damaged or cut, or its image does not fit the destination.</exception>
    public static unsafe int Decode(ReadOnlySpan<byte> stream, Span<byte> destination, int components, int pitch)
    {
        fixed (byte* input = stream)
        {
            using var data = SKData.Create((nint)input, stream.Length);
            using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("the JPEG stream's header cannot be read");
            int width = codec.Info.Width, height = codec.Info.Height;
            JpegGeometry.Check(width, height, components, pitch, destination.Length);
            if (components == 1)
            {
                fixed (byte* output = destination)
                {
                    Check(codec.GetPixels(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (nint)output, pitch, default));
                }
            }
            else
            {
                // Skia has no 24-bit RGB target: decode to RGBA and drop the alpha bytes.
                var rgbaRow = width * 4;
                var rgba = ArrayPool<byte>.Shared.Rent(rgbaRow * height);
                try
                {
                    fixed (byte* output = rgba)
                    {
                        Check(codec.GetPixels(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul), (nint)output, rgbaRow, default));
                    }

                    for (var y = 0; y < height; y++)
                    {
                        var source = rgba.AsSpan(y * rgbaRow, rgbaRow);
                        var row = destination.Slice(y * pitch, width * 3);
                        for (int x = 0, o = 0; o < row.Length; x += 4, o += 3)
                        {
                            row[o] = source[x];
                            row[o + 1] = source[x + 1];
                            row[o + 2] = source[x + 2];
                        }
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rgba);
                }
            }

            return ((height - 1) * pitch) + (width * components);
        }
    }

    private static void Check(SKCodecResult result)
    {
        if (result != SKCodecResult.Success)
        {
            throw new InvalidDataException($"the JPEG stream is damaged (Skia: {result})");
        }
    }
}
