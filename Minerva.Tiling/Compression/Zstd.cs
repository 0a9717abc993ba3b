using ZstdSharp;

namespace Minerva.Tiling.Compression;

/// <summary>
/// Zstandard (ZstdSharp.Port, no native library) for both formats: TIFF Zstd tiles and Blosc-zstd chunk blocks.
/// One context per thread: a context holds megabytes of tables, so creating one per block would cost more than
/// compressing it.
/// </summary>
internal static class Zstd
{
    [ThreadStatic]
    private static Compressor? t_compressor;

    [ThreadStatic]
    private static Decompressor? t_decompressor;

    /// <summary>Compressed length, or -1 when <paramref name="output"/> is too small.</summary>
    public static int Compress(ReadOnlySpan<byte> input, Span<byte> output, int level)
    {
        var compressor = t_compressor ??= new Compressor(level);
        if (compressor.Level != level)
        {
            compressor.Level = level;
        }

        return compressor.TryWrap(input, output, out int written) ? written : -1;
    }

    /// <summary>Decompresses one zstd frame into <paramref name="output"/> and returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The frame is damaged or decodes to more than <paramref name="output"/> holds.</exception>
    public static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var decompressor = t_decompressor ??= new Decompressor();
        try
        {
            return decompressor.Unwrap(input, output);
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException($"the zstd stream is damaged ({e.Message})", e);
        }
    }
}
