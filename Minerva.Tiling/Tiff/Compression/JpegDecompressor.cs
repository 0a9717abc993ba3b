using System.Buffers;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Compression 7: baseline and extended 8-bit JPEG tiles or strips, with the IFD's JPEGTables, YCbCr (any chroma
/// subsampling) or RGB or grey, restart markers. Decoded by Debian's libjpeg-turbo when it loads, else by the
/// libjpeg-turbo inside SkiaSharp's package (<see cref="SkiaJpeg"/>); YCbCr comes out as RGB.
/// </summary>
internal sealed class JpegDecompressor : TiffDecompressor
{
    private readonly byte[]? _tables;
    private readonly bool? _rgb;
    private readonly int _components;
    private readonly int _pitch;

    private JpegDecompressor(TiffIfd ifd)
    {
        _tables = ifd.JpegTables;
        _components = ifd.SamplesPerBlock;
        _pitch = ifd.BlockRowBytes;
        _rgb = _components == 3 ? ifd.Photometric == TiffPhotometric.Rgb : null;
    }

    public override string Name => "JPEG";

    /// <summary>The decoder of one IFD's JPEG blocks, or null with the reason when the engine cannot decode them.</summary>
    public static JpegDecompressor? Create(TiffIfd ifd, out string? problem)
    {
        problem = null;
        var samples = ifd.SamplesPerBlock;
        if (ifd.BitsPerSample != 8 || ifd.SampleFormat != 1)
        {
            problem = $"uses JPEG with {ifd.BitsPerSample}-bit samples, which Minerva cannot read (it reads 8-bit JPEG)";
        }
        else if (!(samples == 1 || (samples == 3 && ifd.Photometric is TiffPhotometric.Rgb or TiffPhotometric.YCbCr)))
        {
            problem = $"uses JPEG with {samples} samples per pixel and PhotometricInterpretation {(int)ifd.Photometric}, which Minerva cannot read (it reads grey, RGB and YCbCr JPEG)";
        }

        return problem is null ? new JpegDecompressor(ifd) : null;
    }

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination) => Decode(source, destination, TurboJpeg.IsAvailable);

    /// <summary>The portable path, reachable from tests and benchmarks on a machine that has libjpeg-turbo.</summary>
    internal int DecompressPortable(ReadOnlySpan<byte> source, Span<byte> destination) => Decode(source, destination, native: false);

    private int Decode(ReadOnlySpan<byte> source, Span<byte> destination, bool native)
    {
        var stream = JpegStream.Assemble(source, _tables, _rgb, out var length);
        try
        {
            return native
                ? TurboJpeg.Decode(stream.AsSpan(0, length), destination, _components, _pitch)
                : SkiaJpeg.Decode(stream.AsSpan(0, length), destination, _components, _pitch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stream);
        }
    }
}
