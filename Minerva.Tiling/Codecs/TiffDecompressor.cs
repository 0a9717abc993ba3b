namespace Minerva.Tiling.Codecs;

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
    /// number of bytes written. Output beyond <paramref name="destination"/>'s length is dropped (some
    /// writers pad the last strip); fewer bytes than expected are the caller's to judge.
    /// </summary>
    /// <exception cref="InvalidDataException">The compressed data is damaged.</exception>
    public abstract int Decompress(ReadOnlySpan<byte> source, Span<byte> destination);

    /// <summary>The decoder for a TIFF Compression tag value, or null when the engine does not read that codec.</summary>
    public static TiffDecompressor? For(int compression) => compression switch
    {
        1 => NoneDecompressor.Instance,
        5 => LzwDecompressor.Instance,
        8 or 32946 => DeflateDecompressor.Instance,
        32773 => PackBitsDecompressor.Instance,
        50000 => ZstdDecompressor.Instance,
        _ => null,
    };

    /// <summary>A readable name for a TIFF Compression tag value, for "unsupported compression" messages.</summary>
    public static string DescribeCompression(int compression) => compression switch
    {
        1 => "none",
        2 => "CCITT RLE",
        3 => "CCITT Group 3",
        4 => "CCITT Group 4",
        5 => "LZW",
        6 => "old-style JPEG",
        7 => "JPEG",
        8 or 32946 => "Deflate",
        32773 => "PackBits",
        33003 or 33005 or 34712 => "JPEG 2000",
        34887 => "LERC",
        34925 => "LZMA",
        50000 => "Zstd",
        50001 => "WebP",
        50002 or 52546 => "JPEG XL",
        _ => "unknown",
    };
}
