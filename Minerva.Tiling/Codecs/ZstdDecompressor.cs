using ZstdSharp;

namespace Minerva.Tiling.Codecs;

/// <summary>Compression 50000: Zstandard (ZstdSharp.Port), one native-free decompression context per thread.</summary>
internal sealed class ZstdDecompressor : TiffDecompressor
{
    public static readonly ZstdDecompressor Instance = new();

    [ThreadStatic]
    private static Decompressor? t_context;

    public override string Name => "Zstd";

    public override int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var context = t_context ??= new Decompressor();
        try
        {
            return context.Unwrap(source, destination);
        }
        catch (ZstdException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
