using System.IO.Compression;
using Minerva.Tiling.Tiff;
using Minerva.Tiling.Tiff.Compression;

namespace Minerva.Tiling.Tests.Tiff.Compression;

// Every decompressor and decoding path through the one contract; the encoders are outside the engine.

public sealed class NoneDecompressorContract : TiffDecompressorContract
{
    private protected override TiffCompression Compression => TiffCompression.None;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height) => (pixels, pixels);
}

public sealed class LzwDecompressorContract : TiffDecompressorContract
{
    private protected override TiffCompression Compression => TiffCompression.Lzw;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height) =>
        (LibTiffStrip.Encode(pixels, width, height, BitMiracle.LibTiff.Classic.Compression.LZW), pixels);
}

public sealed class PackBitsDecompressorContract : TiffDecompressorContract
{
    private protected override TiffCompression Compression => TiffCompression.PackBits;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height) =>
        (LibTiffStrip.Encode(pixels, width, height, BitMiracle.LibTiff.Classic.Compression.PACKBITS), pixels);
}

public sealed class ZstdDecompressorContract : TiffDecompressorContract
{
    private protected override TiffCompression Compression => TiffCompression.Zstd;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height) =>
        (Tool("zstd", pixels, "in.raw", "out.zst", "-q", "-3", "{in}", "-o", "{out}"), pixels);
}

public abstract class DeflateDecompressorContract : TiffDecompressorContract
{
    private protected override TiffCompression Compression => TiffCompression.AdobeDeflate;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(pixels);
        }

        return (output.ToArray(), pixels);
    }
}

public sealed class DeflateNativeDecompressorContract : DeflateDecompressorContract
{
    [Fact]
    public void LibDeflate_OnDebian_IsLoaded() => Assert.True(Minerva.Tiling.Compression.LibDeflate.IsAvailable, "libdeflate.so.0 (libdeflate0) should load here.");
}

public sealed class DeflateManagedDecompressorContract : DeflateDecompressorContract
{
    private protected override int Decompress(TiffIfd ifd, byte[] encoded, Span<byte> destination) =>
        Minerva.Tiling.Compression.Zlib.DecompressManaged(encoded, destination);
}

/// <summary>cjpeg (libjpeg-turbo's tool) encodes; djpeg decodes the reference. RGB at 4:2:0 with restart markers.</summary>
public abstract class JpegDecompressorContract : TiffDecompressorContract
{
    protected override int Samples => 3;

    protected override int Tolerance => 1;

    private protected override TiffCompression Compression => TiffCompression.Jpeg;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height)
    {
        var jpeg = Tool("cjpeg", Netpbm(pixels, width, height, 3), "in.ppm", "out.jpg", "-quality", "80", "-sample", "2x2", "-restart", "1", "-outfile", "{out}", "{in}");
        var decoded = Tool("djpeg", jpeg, "in.jpg", "out.ppm", "-pnm", "-outfile", "{out}", "{in}");
        return (jpeg, decoded[^(width * height * 3)..]);
    }
}

public sealed class JpegNativeDecompressorContract : JpegDecompressorContract
{
    [Fact]
    public void TurboJpeg_OnDebian_IsLoaded() => Assert.True(TurboJpeg.IsAvailable, "libturbojpeg.so.0 (libturbojpeg0) should load here.");
}

public sealed class JpegPortableDecompressorContract : JpegDecompressorContract
{
    private protected override int Decompress(TiffIfd ifd, byte[] encoded, Span<byte> destination) =>
        ((JpegDecompressor)TiffDecompressor.For(ifd, out _)!).DecompressPortable(encoded, destination);
}

/// <summary>opj_compress (OpenJPEG's tool) encodes losslessly, so the decode is exact.</summary>
public abstract class Jpeg2000DecompressorContract : TiffDecompressorContract
{
    protected override int Samples => 3;

    private protected override TiffCompression Compression => TiffCompression.Jpeg2000Rgb;

    protected override (byte[] Encoded, byte[] Expected) Encode(byte[] pixels, int width, int height) =>
        (Tool("opj_compress", Netpbm(pixels, width, height, 3), "in.ppm", "out.j2k", "-n", "3", "-i", "{in}", "-o", "{out}"), pixels);
}

public sealed class Jpeg2000NativeDecompressorContract : Jpeg2000DecompressorContract
{
    [Fact]
    public void OpenJpeg_OnDebian_IsLoaded() => Assert.True(OpenJpeg.IsAvailable, "libopenjp2.so.7 (libopenjp2-7) should load here.");
}

public sealed class Jpeg2000PortableDecompressorContract : Jpeg2000DecompressorContract
{
    private protected override int Decompress(TiffIfd ifd, byte[] encoded, Span<byte> destination) =>
        ((Jpeg2000Decompressor)TiffDecompressor.For(ifd, out _)!).DecompressPortable(encoded, destination);
}
