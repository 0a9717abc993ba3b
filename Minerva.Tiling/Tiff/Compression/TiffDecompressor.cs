namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// Decodes one compressed TIFF tile or strip. Implementations are stateless or keep per-thread state,
/// so one instance serves every thread.
/// </summary>
internal abstract class TiffDecompressor
{
    /// <summary>The codec's name for error messages ("LZW").</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Decodes <paramref name="source"/> into the start of <paramref name="destination"/> and returns the
    /// number of bytes written. Fewer bytes than expected are the caller's to judge (the last strip holds only
    /// the rows left). Output beyond <paramref name="destination"/> is dropped by the run-length and LZW codecs
    /// (some writers pad the last strip) and refused as damage by the others.
    /// </summary>
    /// <exception cref="InvalidDataException">The compressed data is damaged.</exception>
    public abstract int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>
    /// The decoder of <paramref name="ifd"/>'s blocks, or null with <paramref name="problem"/> saying why the engine
    /// cannot decode them ("uses compression 34887 (LERC)").
    /// </summary>
    public static TiffDecompressor? For(TiffIfd ifd, out string? problem)
    {
        problem = null;
        switch (ifd.Compression)
        {
            case TiffCompression.None:
                return NoneDecompressor.Instance;
            case TiffCompression.Lzw:
                return LzwDecompressor.Instance;
            case TiffCompression.AdobeDeflate or TiffCompression.Deflate:
                return DeflateDecompressor.Instance;
            case TiffCompression.PackBits:
                return PackBitsDecompressor.Instance;
            case TiffCompression.Zstd:
                return ZstdDecompressor.Instance;
            case TiffCompression.Jpeg:
                return JpegDecompressor.Create(ifd, out problem);
            case TiffCompression.Jpeg2000Ycc or TiffCompression.Jpeg2000Lossy or TiffCompression.Jpeg2000Rgb or TiffCompression.Jpeg2000:
                return Jpeg2000Decompressor.Create(ifd, out problem);
            default:
                problem = $"uses compression {(int)ifd.Compression} ({ifd.Compression.Describe()}), which Minerva cannot read";
                return null;
        }
    }
}
