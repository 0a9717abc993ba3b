using ZstdSharp;

namespace Minerva.Tiling.Zarr.Codecs;

/// <summary>
/// One zstd context per thread: a context holds megabytes of tables, so creating one per block
/// would cost more than compressing it.
/// </summary>
internal static class ZstdBlocks
{
    [ThreadStatic]
    private static Compressor? _compressor;

    [ThreadStatic]
    private static Decompressor? _decompressor;

    /// <summary>Compressed length, or -1 when <paramref name="output"/> is too small.</summary>
    public static int Compress(ReadOnlySpan<byte> input, Span<byte> output, int level)
    {
        _compressor ??= new Compressor(level);
        if (_compressor.Level != level)
        {
            _compressor.Level = level;
        }

        return _compressor.TryWrap(input, output, out int written) ? written : -1;
    }

    public static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        _decompressor ??= new Decompressor();
        try
        {
            return _decompressor.Unwrap(input, output);
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException("Blosc block is not a valid zstd stream.", e);
        }
    }
}
